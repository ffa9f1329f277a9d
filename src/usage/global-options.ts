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
  {
    key: "propagationTimeout",
    long: "propagation-timeout",
    metavar: "SECONDS",
    description: "how long after creating an entity to wait for IAM to show it (default 60; 0 never waits)",
    parse: (raw) => {
      if (!/^\d+(\.\d+)?$/.test(raw)) throw new UsageError(`invalid --propagation-timeout "${raw}": expected a number of seconds (0 never waits)`);
      return Number(raw);
    },
  },
];

/**
 * euca2ools' credential options, accepted under the `euare-` names only (scripts written for
 * euca2ools pass them on every call): -I and -S together, --security-token with them.
 */
const EUCA2OOLS_CREDENTIAL_OPTIONS: readonly OptionSpec[] = [
  { key: "signingKeyId", short: "I", long: "access-key-id", metavar: "KEY_ID", description: "access key ID to sign with (with -S)" },
  {
    key: "signingSecretKey",
    short: "S",
    long: "secret-key",
    metavar: "KEY",
    description: "secret key of that access key (with -I); other local users can read it in the process list",
    secret: true,
  },
  { key: "signingSessionToken", long: "security-token", metavar: "TOKEN", description: "session token of temporary credentials (with -I and -S)", secret: true },
];

/** The options every command accepts under the name it was run as: an `euare-` name adds euca2ools' -I, -S, --security-token and -U (--url). */
export function globalOptions(prog: string): readonly OptionSpec[] {
  if (!prog.startsWith("euare-")) return GLOBAL_OPTIONS;
  return [...GLOBAL_OPTIONS.map((option) => (option.key === "url" ? { ...option, short: "U" } : option)), ...EUCA2OOLS_CREDENTIAL_OPTIONS];
}

export interface GlobalOptions {
  signingKeyId?: string;
  signingSecretKey?: string;
  signingSessionToken?: string;
  awsCredentialFile?: string;
  clientConfigFile?: string;
  url?: string;
  debug?: boolean;
  profile?: string;
  region?: string;
  timeout?: number;
  json?: boolean;
  propagationTimeout?: number;
}
