import { option, optionGroup } from "../../core/define.js";
import { UsageError } from "../../core/errors.js";
import {
  checkPolicyArn,
  checkAccessKeyId,
  checkAccountAlias,
  checkCertificateId,
  checkName,
  checkPath,
  type EntityKind,
} from "../../iam/names.js";
import { checkPassword } from "../../iam/password.js";
import { checkAuthenticationCode, checkSerialNumber } from "../../iam/mfa.js";
import { ACCOUNT_WIDE_PAGE_SIZE, MAX_PAGE_SIZE } from "../../iam/paginate.js";
import { checkClientId, checkProviderArn, checkThumbprint, MAX_CLIENT_IDS, MAX_THUMBPRINTS, type ProviderKind } from "../../iam/federation.js";

/**
 * The shared option vocabulary: every command spells `-u`, `-g`, `-p NAME`... the same way. The
 * short letters are IAMCli's, per command (`-p` is a path, a policy name, a password or "pretend"
 * depending on the command, exactly as the legacy tools had it); long names are euca2ools'.
 */

/** What an entity option's factory takes: `required` is true unless the command gives false. */
interface EntityOptionSettings {
  required?: boolean;
  description?: string;
}

/** The `required` an entity option ends up with, as a type: run() may rely on a required name. */
type RequiredOf<Settings extends EntityOptionSettings> = Settings extends { required: false } ? false : true;

const requiredOf = <Settings extends EntityOptionSettings>(settings?: Settings) => (settings?.required ?? true) as RequiredOf<Settings>;

const entity = (kind: EntityKind) => (raw: string) => checkName(kind, raw);

export const userName = <const Settings extends EntityOptionSettings = {}>(settings?: Settings) =>
  option({
    key: "userName",
    short: "u",
    long: "user-name",
    metavar: "USERNAME",
    description: settings?.description ?? "the name of the user",
    required: requiredOf(settings),
    parse: entity("user"),
  });

/** Optional `-u` of the key and certificate commands: IAM acts on the caller's own user without it. */
export const ownerUserName = (what: string) =>
  userName({ required: false, description: `the user who owns the ${what} (default: the user whose credentials are in use)` });

export const groupName = <const Settings extends EntityOptionSettings = {}>(settings?: Settings) =>
  option({
    key: "groupName",
    short: "g",
    long: "group-name",
    metavar: "GROUPNAME",
    description: "the name of the group",
    required: requiredOf(settings),
    parse: entity("group"),
  });

/** `-r ROLENAME`: IAMCli's flag, and euca2ools' legacy spelling of its ROLE argument. */
export const roleName = <const Settings extends EntityOptionSettings = {}>(settings?: Settings) =>
  option({
    key: "roleName",
    short: "r",
    long: "role-name",
    metavar: "ROLENAME",
    description: "the name of the role",
    required: requiredOf(settings),
    parse: entity("role"),
  });

/** `-s NAME` of the instance-profile commands (IAMCli's letter; -r is the role there). */
export const instanceProfileName = () => option({
  key: "instanceProfileName",
  short: "s",
  long: "instance-profile-name",
  metavar: "INSTANCEPROFILENAME",
  description: "the name of the instance profile",
  required: true,
  parse: entity("instance profile"),
});

/** `-s CERTNAME` of the server-certificate commands. */
export const serverCertificateName = () => option({
  key: "serverCertificateName",
  short: "s",
  long: "server-certificate-name",
  metavar: "CERTNAME",
  description: "the name of the server certificate",
  required: true,
  parse: entity("server certificate"),
});

export const policyName = () => option({
  key: "policyName",
  short: "p",
  long: "policy-name",
  metavar: "POLICYNAME",
  description: "the name of the policy",
  required: true,
  parse: entity("policy"),
});

/** `-a POLICYARN` of the managed-policy commands (iamkit's letter: euca2ools had none of them). */
export const policyArn = () => option({
  key: "policyArn",
  short: "a",
  long: "policy-arn",
  metavar: "POLICYARN",
  description: "the ARN of the managed policy",
  required: true,
  parse: checkPolicyArn,
});

/** `-p PATH` on create commands. */
export const path = (what: string) => option({
  key: "path",
  short: "p",
  long: "path",
  metavar: "PATH",
  description: `the path of the ${what}, defaults to /`,
  parse: (raw, warn) => checkPath(raw, warn),
});

/** `-p PATHPREFIX` on listbypath commands. */
export const pathPrefix = (what: string) => option({
  key: "pathPrefix",
  short: "p",
  long: "path-prefix",
  metavar: "PATHPREFIX",
  description: `list only ${what} whose path starts with this prefix, defaults to /`,
  parse: (raw, warn) => checkPath(raw, warn),
});

/** `-n NEWNAME` on mod commands. */
export const newName = (kind: EntityKind, long: string) => option({
  key: "newName",
  short: "n",
  long,
  metavar: `NEW${kind.replace(/ /g, "").toUpperCase()}NAME`,
  description: `the new name of the ${kind}`,
  parse: entity(kind),
});

/** `-p NEWPATH` on mod commands. */
export const newPath = (what: string) => option({
  key: "newPath",
  short: "p",
  long: "new-path",
  metavar: "NEWPATH",
  description: `the new path of the ${what}`,
  parse: (raw, warn) => checkPath(raw, warn),
});

/** The rule for newName()/newPath(): a mod command with neither would send a request that changes nothing. */
export function newNameOrPath(opts: { newName?: string; newPath?: string }): string | undefined {
  return opts.newName === undefined && opts.newPath === undefined
    ? "nothing to change: give a new name (-n), a new path (-p) or both"
    : undefined;
}

/**
 * `-i N` of every list command: IAMCli's page size, the number of items asked of IAM per request.
 * Every page is still fetched. Account-wide listings default to the largest page, others to IAM's.
 */
export const maxItems = ({ accountWide = false } = {}) => option({
  key: "maxItems",
  short: "i",
  long: "max-items",
  metavar: "MAXITEMS",
  description: `how many items to ask IAM for per request, 1 to ${MAX_PAGE_SIZE} (default ${accountWide ? ACCOUNT_WIDE_PAGE_SIZE : "IAM's, 100"}); every page is still fetched`,
  parse: integerInRange("-i (--max-items)", 1, MAX_PAGE_SIZE),
});

export const verbose = (description: string) => option({
  key: "verbose",
  short: "v",
  long: "verbose",
  description,
});

/** `-f FILE`: a policy document in a file. */
export const policyDocumentFile = () => option({
  key: "policyDocumentFile",
  short: "f",
  long: "policy-document",
  metavar: "POLICYDOCUMENTFILE",
  description: "file holding the policy document (- reads standard input)",
});

/**
 * `--no-lint` and `--no-validate` of every command that sends a policy document. Commander gives a
 * lone `--no-x` flag the key `x`, true unless the flag is given.
 */
export const policyChecks = () => optionGroup([
  {
    key: "lint",
    long: "no-lint",
    description: "do not print warnings about risky policies (errors still stop the upload)",
  },
  {
    key: "validate",
    long: "no-validate",
    description: "send the document exactly as given, without local checks or warnings; IAM's answer decides",
  },
]);

/** The two ways to give a policy document; a command's `check` requires exactly one. */
export const policyDocument = () => optionGroup([
  policyDocumentFile(),
  {
    key: "policyContent",
    short: "o",
    long: "policy-content",
    metavar: "POLICYDOCUMENT",
    description: "the policy document itself, as text",
  },
  ...policyChecks(),
]);

/** The cross-option rule for policyDocument(): exactly one of -f and -o. */
export function exactlyOnePolicySource(opts: { policyDocumentFile?: string; policyContent?: string }): string | undefined {
  if (opts.policyDocumentFile !== undefined && opts.policyContent !== undefined) {
    return "give the policy with -f FILE or -o TEXT, not both";
  }
  if (opts.policyDocumentFile === undefined && opts.policyContent === undefined) {
    return "a policy document is required: -f FILE or -o TEXT";
  }
  return undefined;
}

/** `-e -a -r -o` of the `*addpolicy` commands; `resourceLetter` is `c` for roles. */
export const simplePolicy = (resourceLetter = "r") => optionGroup([
  {
    key: "effect",
    short: "e",
    long: "effect",
    metavar: "EFFECT",
    description: "the policy's effect: Allow or Deny",
    required: true,
    choices: ["Allow", "Deny"],
  },
  {
    key: "action",
    short: "a",
    long: "action",
    metavar: "ACTION",
    description: "an action the policy covers, such as s3:GetObject",
    required: true,
    repeatable: true,
  },
  {
    key: "resource",
    short: resourceLetter,
    long: "resource",
    metavar: "RESOURCE",
    description: "an ARN the policy covers, or *",
    required: true,
    repeatable: true,
  },
  {
    key: "output",
    short: "o",
    long: "output",
    description: "also print the generated policy",
  },
  ...policyChecks(),
]);

export const accessKeyId = () => option({
  key: "accessKeyId",
  short: "k",
  long: "user-key-id",
  metavar: "ACCESSKEYID",
  description: "the access key id",
  required: true,
  parse: checkAccessKeyId,
});

export const certificateId = () => option({
  key: "certificateId",
  short: "c",
  long: "certificate-id",
  metavar: "CERTIFICATEID",
  description: "the signing certificate id",
  required: true,
  parse: checkCertificateId,
});

export const status = (what: string) => option({
  key: "status",
  short: "s",
  long: "status",
  metavar: "STATUS",
  description: `the new status of the ${what}: Active or Inactive`,
  required: true,
  choices: ["Active", "Inactive"],
});

export const accountAlias = () => option({
  key: "alias",
  short: "a",
  long: "account-alias",
  metavar: "ALIAS",
  description: "the account alias",
  required: true,
  parse: checkAccountAlias,
});

/**
 * The login-profile password: `-p` as IAMCli had it (other local users can read it in `ps`), or
 * iamkit's `--password-file`; with neither, the command prompts on the terminal.
 */
export const loginPassword = () => optionGroup([
  {
    key: "password",
    short: "p",
    long: "password",
    metavar: "PASSWORD",
    description: "the password (visible to other local users in ps; prefer --password-file or the prompt)",
    secret: true,
    parse: (raw) => checkPassword(raw, "-p"),
  },
  {
    key: "passwordFile",
    long: "password-file",
    metavar: "PASSWORDFILE",
    description: "file holding the password, one trailing newline ignored (- reads standard input)",
  },
  {
    key: "passwordResetRequired",
    long: "password-reset-required",
    description: "make the user choose a new password at the next sign-in",
  },
]);

/** The cross-option rule for loginPassword(): -p and --password-file exclude each other. */
export function onePasswordSource(opts: { password?: string; passwordFile?: string }): string | undefined {
  return opts.password !== undefined && opts.passwordFile !== undefined
    ? "give the password with -p or --password-file, not both"
    : undefined;
}

export const recursive = (description: string) => option({
  key: "recursive",
  short: "r",
  long: "recursive",
  description,
});

export const pretend = () => option({
  key: "pretend",
  short: "p",
  long: "pretend",
  description: "with -r: print what would be deleted and change nothing",
});

/** The rule for recursive()/pretend(): -p only with -r, as the legacy docs insist. */
export function pretendNeedsRecursive(opts: { recursive?: boolean; pretend?: boolean }): string | undefined {
  return opts.pretend && !opts.recursive ? "-p (pretend) can only be used with -r" : undefined;
}

/** A positive whole number, for sizes and counts. */
export function positiveInteger(name: string) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value <= 0) throw new UsageError(`${name} must be a positive whole number, not "${raw}"`);
    return value;
  };
}

/** A whole number within an IAM limit (password lengths, ages, counts). */
export function integerInRange(name: string, min: number, max: number) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      throw new UsageError(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
    }
    return value;
  };
}

/**
 * `--tag KEY=VALUE` (repeatable) on create commands, and `-t` on the tag commands. IAM's rules:
 * keys 1 to 128 characters, values up to 256, letters, digits, spaces and _ . : / = + - @.
 */
export const tags = (short?: string) => option({
  key: "tags",
  short,
  long: "tag",
  metavar: "KEY=VALUE",
  description: "a tag for the new entity",
  repeatable: true,
  parse: parseTag,
});

const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

function checkTagKey(Key: string): string {
  if (Key.length === 0) throw new UsageError("invalid tag key: it must not be empty");
  if (Key.length > 128 || !TAG_CHARS.test(Key)) {
    throw new UsageError(`invalid tag key "${Key}": up to 128 letters, digits, spaces and _ . : / = + - @`);
  }
  return Key;
}

function parseTag(raw: string): { Key: string; Value: string } {
  const eq = raw.indexOf("=");
  if (eq <= 0) throw new UsageError(`invalid tag "${raw}": expected KEY=VALUE`);
  const Key = checkTagKey(raw.slice(0, eq));
  const Value = raw.slice(eq + 1);
  if (Value.length > 256 || !TAG_CHARS.test(Value)) {
    throw new UsageError(`invalid tag value for "${Key}": up to 256 letters, digits, spaces and _ . : / = + - @`);
  }
  return { Key, Value };
}

/** The cross-option rule for tags(): IAM allows 50 tags per entity and each key once. */
export function checkTags(list: { Key: string }[] | undefined): string | undefined {
  if (!list) return undefined;
  if (list.length > 50) return `too many tags: ${list.length} given, IAM allows 50`;
  const seen = new Set<string>();
  for (const { Key } of list) {
    if (seen.has(Key.toLowerCase())) return `tag key "${Key}" is given twice`;
    seen.add(Key.toLowerCase());
  }
  return undefined;
}

/** `-k KEY` (repeatable) on the untag commands. */
export const tagKeys = () => option({
  key: "tagKeys",
  short: "k",
  long: "tag-key",
  metavar: "KEY",
  description: "the key of a tag to remove",
  required: true,
  repeatable: true,
  parse: checkTagKey,
});

/** `-k SSHKEYID` on the SSH key commands; IAM's ids (APKA...) are 20 to 128 letters and digits. */
export const sshPublicKeyId = () => option({
  key: "sshPublicKeyId",
  short: "k",
  long: "ssh-public-key-id",
  metavar: "SSHKEYID",
  description: "the id of the SSH public key",
  required: true,
  parse: (raw: string) => {
    if (!/^\w{20,128}$/.test(raw)) throw new UsageError(`invalid SSH public key id "${raw}": expected 20 to 128 letters and digits`);
    return raw;
  },
});

/** `--permissions-boundary ARN` on create commands: the managed policy that caps the entity's permissions. */
export const permissionsBoundary = (short?: string) => option({
  key: "permissionsBoundary",
  short,
  long: "permissions-boundary",
  metavar: "POLICYARN",
  description: "ARN of the managed policy that sets the most permissions the entity can have",
  parse: checkPolicyArn,
});

/** `-s SERIALNUMBER` of the MFA commands. */
export const serialNumber = (
  description = "the MFA device's serial number: a hardware device's serial or a virtual device's ARN",
  parse: (raw: string) => string = checkSerialNumber,
) => option({
  key: "serialNumber",
  short: "s",
  long: "serial-number",
  metavar: "SERIALNUMBER",
  description,
  required: true,
  parse,
});

/** euca2ools' `-c1 CODE -c2 CODE`: two consecutive codes, which prove the device and IAM agree on the time. */
export const authenticationCodes = () =>
  optionGroup([
    authenticationCode(1, "the code the device shows now"),
    authenticationCode(2, "the next code the device shows after it"),
  ]);

function authenticationCode<N extends 1 | 2>(n: N, description: string) {
  return option({
    key: `authenticationCode${n}` as const,
    long: `authentication-code-${n}`,
    aliases: [`-c${n}`],
    metavar: "CODE",
    description: `${description}, 6 digits`,
    required: true,
    parse: (raw: string) => checkAuthenticationCode(raw, `-c${n}`),
  });
}

/** `-a ARN` of the identity-provider commands. */
export const providerArn = (kind: ProviderKind) => option({
  key: "providerArn",
  short: "a",
  long: `${kind}-provider-arn`,
  metavar: "PROVIDERARN",
  description: `the ARN of the ${kind.toUpperCase()} provider`,
  required: true,
  parse: (raw: string) => checkProviderArn(kind, raw),
});

/** What clientIds() takes: `required` is false unless the command gives true. */
interface ClientIdSettings {
  required?: boolean;
  long?: string;
  description?: string;
}

/** `-c CLIENTID` (repeatable): an audience an OIDC provider's tokens may name. */
export const clientIds = <const Settings extends ClientIdSettings = {}>(settings?: Settings) => option({
  key: "clientIds",
  short: "c",
  long: settings?.long ?? "client-id",
  metavar: "CLIENTID",
  description: settings?.description ?? "a client id (audience) the provider's tokens may carry",
  required: (settings?.required ?? false) as Settings extends { required: true } ? true : false,
  repeatable: true,
  parse: checkClientId,
});

/** `-t THUMBPRINT` (repeatable): a SHA-1 fingerprint of the OIDC provider's certificate. */
export const thumbprints = (description: string) => option({
  key: "thumbprints",
  short: "t",
  long: "thumbprint",
  metavar: "THUMBPRINT",
  description,
  repeatable: true,
  parse: checkThumbprint,
});

/** The rule for clientIds()/thumbprints(): IAM's per-provider limits. */
export function checkProviderLists({ clientIds = [], thumbprints = [] }: { clientIds?: string[]; thumbprints?: string[] }): string | undefined {
  if (clientIds.length > MAX_CLIENT_IDS) return `too many client ids: ${clientIds.length} given, IAM allows ${MAX_CLIENT_IDS}`;
  if (thumbprints.length > MAX_THUMBPRINTS) return `too many thumbprints: ${thumbprints.length} given, IAM allows ${MAX_THUMBPRINTS}`;
  return undefined;
}

/** `--description TEXT` of the role commands: IAM keeps up to 1,000 characters. */
export const roleDescription = (description: string) => option({
  key: "description",
  long: "description",
  metavar: "DESCRIPTION",
  description,
  parse: (raw: string) => {
    if (raw.length > 1000) throw new UsageError(`--description is ${raw.length} characters long, IAM keeps 1,000 at most`);
    return raw;
  },
});

/** `-k CREDENTIALID` on the service-specific credential commands; IAM's ids (ACCA...) are 20 to 128 letters and digits. */
export const serviceCredentialId = () => option({
  key: "serviceCredentialId",
  short: "k",
  long: "service-specific-credential-id",
  metavar: "CREDENTIALID",
  description: "the id of the service-specific credential (such as a CodeCommit Git credential)",
  required: true,
  parse: (raw: string) => {
    if (!/^\w{20,128}$/.test(raw)) throw new UsageError(`invalid service-specific credential id "${raw}": expected 20 to 128 letters and digits`);
    return raw;
  },
});
