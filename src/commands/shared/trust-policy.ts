import type { Role } from "@aws-sdk/client-iam";
import type { Context } from "../../core/context.js";
import { optionGroup, type OptionsOf } from "../../core/define.js";
import { UsageError } from "../../core/errors.js";
import { policyChecks } from "./options.js";
import { decodePolicy } from "../../output/print.js";
import { documentLines } from "../../iam/inline-policies.js";
import { checkPolicyDocument, GENERATED } from "../../iam/policy.js";
import { readPolicyDocument } from "../../iam/policy-input.js";

/**
 * A role's trust policy (who may assume it), as iam-rolecreate and iam-roleupdateassumepolicy take
 * it: built from a service principal with -s, or written by hand in a file with -f.
 */

/** The parsed trustPolicySource() options. */
export type TrustPolicySource = OptionsOf<ReturnType<typeof trustPolicySource>>;

/** Service principals are DNS names (ec2.amazonaws.com, states.eu-west-1.amazonaws.com). */
const SERVICE_PRINCIPAL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

function checkServicePrincipal(value: string): string {
  if (value.length > 253 || !SERVICE_PRINCIPAL.test(value)) {
    throw new UsageError(`invalid service "${value}": expected a service principal such as ec2.amazonaws.com`);
  }
  return value;
}

export const trustPolicySource = () =>
  optionGroup([
    {
      key: "service",
      short: "s",
      long: "service",
      metavar: "SERVICE",
      description: "let this service assume the role, such as ec2.amazonaws.com (the trust policy is built for it)",
      parse: checkServicePrincipal,
    },
    {
      key: "trustPolicyFile",
      short: "f",
      long: "trust-policy",
      metavar: "TRUSTPOLICYFILE",
      description: "file holding the trust policy document (- reads standard input)",
    },
    ...policyChecks(),
  ]);

/** The cross-option rule for trustPolicySource(): exactly one of -s and -f. */
export function exactlyOneTrustSource({ service, trustPolicyFile }: TrustPolicySource): string | undefined {
  if (service !== undefined && trustPolicyFile !== undefined) return "give the trust policy with -s SERVICE or -f FILE, not both";
  if (service === undefined && trustPolicyFile === undefined) return "a trust policy is required: -s SERVICE or -f FILE";
  return undefined;
}

/**
 * The policy -s builds: one Allow statement letting the service call sts:AssumeRole, with
 * Principal.Service and Action as one-element lists. euca2ools wrote Version 2008-10-17; iamkit
 * writes 2012-10-17, the version its *addpolicy documents carry.
 */
function serviceTrustPolicy(service: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: [service] }, Action: ["sts:AssumeRole"] }],
  });
}

/** The document to send for role `roleName`: built for -s or read from -f, and checked before anything is sent. */
export function readTrustPolicy(ctx: Context, { service, trustPolicyFile, lint, validate }: TrustPolicySource, roleName: string): Promise<string> {
  const target = { entity: "trust", name: roleName } as const;
  return service !== undefined
    ? checkPolicyDocument(ctx, serviceTrustPolicy(service), GENERATED, { ...target, lint, validate })
    : readPolicyDocument(ctx, { policyDocumentFile: trustPolicyFile, lint, validate }, target);
}

/** A role whose trust policy is URL-decoded, so that --json shows it as written. */
export function withDecodedTrustPolicy(role: Role | undefined /* a dry run creates none */): Role & { AssumeRolePolicyDocument: string } {
  return { ...role!, AssumeRolePolicyDocument: decodePolicy(role?.AssumeRolePolicyDocument) };
}

/** The legacy role lines: ARN, role id, then the trust policy line for line as stored. */
export function roleLines(role: Role & { AssumeRolePolicyDocument: string }): string[] {
  return [role.Arn!, role.RoleId!, ...documentLines(role.AssumeRolePolicyDocument)];
}
