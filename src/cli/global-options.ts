import type { OptionSpec } from "../core/define.js";
import { UsageError } from "../core/errors.js";
import { REGION_NAME } from "../aws/partition.js";
import { parseSeconds, SECONDS_EXPECTED } from "../core/seconds.js";

/** Options every command accepts: IAMCli's common set, then iamkit's additions. */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  {
    key: "awsCredentialFile",
    long: "aws-credential-file",
    metavar: "CREDENTIALFILE",
    description: "path to the file containing your AWS credentials",
  },
  {
    key: "clientConfigFile",
    long: "client-config-file",
    metavar: "CLIENTCONFIGFILE",
    description: "path to the file containing client configurations",
  },
  { key: "url", long: "url", metavar: "SERVICEENDPOINT", description: "endpoint URL to be used when making the service call" },
  { key: "debug", short: "d", long: "debug", description: "enable debug logging" },
  // Handled before parsing (runCommand); listed here for the help text, docs and completion.
  { key: "help", short: "h", long: "help", description: "print out this message" },
  // Handled before parsing too (runCommand, runDispatcher).
  { key: "version", long: "version", description: "print iamkit's version (with -d, also Node's and the AWS SDK's)" },
  { key: "profile", long: "profile", metavar: "NAME", description: "use this profile of the AWS shared config files" },
  {
    key: "region",
    long: "region",
    metavar: "REGION",
    description: "the region: it picks the partition's IAM endpoint and signing region (default us-east-1)",
    parse: (raw) => {
      if (!REGION_NAME.test(raw)) throw new UsageError(`invalid region "${raw}": expected a region name such as us-east-1`);
      return raw;
    },
  },
  {
    key: "timeout",
    long: "timeout",
    metavar: "SECONDS",
    description: "give up when the command has not finished after this many seconds",
    parse: (raw) => {
      const seconds = parseSeconds(raw);
      if (seconds === undefined) throw new UsageError(`invalid --timeout "${raw}": expected ${SECONDS_EXPECTED}`);
      return seconds;
    },
  },
  { key: "json", long: "json", description: "print the result as one JSON document" },
];

export interface GlobalOptions {
  awsCredentialFile?: string;
  clientConfigFile?: string;
  url?: string;
  debug?: boolean;
  profile?: string;
  region?: string;
  timeout?: number;
  json?: boolean;
}
