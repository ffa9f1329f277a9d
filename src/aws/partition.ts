import { ConfigError } from "../core/errors.js";
import type { ProfileSettings } from "./shared-config.js";

/** A region name such as us-east-1, cn-northwest-1 or us-gov-west-1. */
export const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** An AWS partition as IAM sees it: one global endpoint, signed for one region. */
export interface Partition {
  name: "aws" | "aws-cn" | "aws-us-gov";
  iamEndpoint: string;
  signingRegion: string;
  /** The DNS suffix of the partition's service hosts. */
  dnsSuffix: string;
}

/**
 * IAM's global endpoints and signing regions per partition, from the IAM section of the AWS
 * General Reference (https://docs.aws.amazon.com/general/latest/gr/iam-service.html). GovCloud
 * is listed before aws because its hosts also end in amazonaws.com.
 */
const PARTITIONS: readonly (Partition & { regions: RegExp; hosts: RegExp })[] = [
  {
    name: "aws-cn",
    iamEndpoint: "https://iam.cn-north-1.amazonaws.com.cn",
    signingRegion: "cn-north-1",
    dnsSuffix: "amazonaws.com.cn",
    regions: /^cn-/,
    hosts: /\.amazonaws\.com\.cn$/,
  },
  {
    name: "aws-us-gov",
    iamEndpoint: "https://iam.us-gov.amazonaws.com",
    signingRegion: "us-gov-west-1",
    dnsSuffix: "amazonaws.com",
    regions: /^us-gov-/,
    hosts: /(^|\.)[^.]*us-gov[^.]*\.amazonaws\.com$/,
  },
  {
    name: "aws",
    iamEndpoint: "https://iam.amazonaws.com",
    signingRegion: "us-east-1",
    dnsSuffix: "amazonaws.com",
    regions: /./,
    hosts: /\.amazonaws\.com$/,
  },
];

export function partitionOfRegion(region: string): Partition {
  return PARTITIONS.find((p) => p.regions.test(region))!;
}

/** The partition of an AWS host name; undefined for any other host (an emulator, a private cloud). */
export function partitionOfHost(host: string): Partition | undefined {
  return PARTITIONS.find((p) => p.hosts.test(host));
}

export interface Region {
  name: string;
  /** Where it came from, for `-d`. */
  source: string;
}

/** The standard chain: --region, AWS_REGION, AWS_DEFAULT_REGION, the profile's region, us-east-1. */
export function resolveRegion(flag: string | undefined, env: NodeJS.ProcessEnv, profile: ProfileSettings): Region {
  if (flag) return { name: flag, source: "--region" };
  const found =
    (env.AWS_REGION && { name: env.AWS_REGION, source: "AWS_REGION" }) ||
    (env.AWS_DEFAULT_REGION && { name: env.AWS_DEFAULT_REGION, source: "AWS_DEFAULT_REGION" }) ||
    (profile.region && { name: profile.region, source: `profile ${profile.name} in ${profile.file}` });
  if (!found) return { name: "us-east-1", source: "default" };
  if (!REGION_NAME.test(found.name)) {
    throw new ConfigError(`invalid region "${found.name}" from ${found.source}: expected a region name such as us-east-1`);
  }
  return found;
}
