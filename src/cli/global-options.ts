import type { OptionSpec } from "./define.js";
import { UsageError } from "./errors.js";

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
    description: "sign requests for this region (default us-east-1)",
    parse: (raw) => {
      if (!/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(raw)) throw new UsageError(`invalid region "${raw}": expected a region name such as us-east-1`);
      return raw;
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
  json?: boolean;
}
