import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@aws-sdk/types";
import { ConfigError, UsageError } from "../core/errors.js";
import { parseKeyValueLines, quotedKey, readKeyValueFile } from "./key-value-file.js";

/**
 * Where the credentials come from, for `-d` and for error messages. For the SDK chain the
 * description is refined once the chain has settled on a source (environment, a profile's file...).
 */
export interface CredentialSource {
  description: string;
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
}

const LEGACY_KEYS = { AWSAccessKeyId: "accessKeyId", AWSSecretKey: "secretAccessKey" } as const;

/**
 * Parses the legacy IAMCli credential file: `AWSAccessKeyId=...` and `AWSSecretKey=...` lines,
 * `#` comments and blank lines. Errors name the file and line but never echo a line's content,
 * since that content may be a secret.
 */
export function parseLegacyCredentials(text: string, file: string): AwsCredentialIdentity {
  const found: Partial<Record<"accessKeyId" | "secretAccessKey", string>> = {};
  for (const { key, value, line } of parseKeyValueLines(text, `credential file ${file}`)) {
    const where = `credential file ${file} line ${line}`;
    if (!(key in LEGACY_KEYS)) {
      throw new ConfigError(`${where}: unknown ${quotedKey(key)} (expected AWSAccessKeyId or AWSSecretKey)`);
    }
    if (value === "") throw new ConfigError(`${where}: ${key} has no value`);
    found[LEGACY_KEYS[key as keyof typeof LEGACY_KEYS]] = value;
  }
  for (const [legacy, field] of Object.entries(LEGACY_KEYS)) {
    if (!found[field]) throw new ConfigError(`credential file ${file} has no ${legacy} line`);
  }
  return { accessKeyId: found.accessKeyId!, secretAccessKey: found.secretAccessKey! };
}

async function readLegacyFile(
  file: string,
  cwd: string,
  warn: (message: string) => void,
): Promise<AwsCredentialIdentity> {
  const { text, mode } = (await readKeyValueFile(resolve(cwd, file), `credential file ${file}`))!;
  // The legacy README asked for chmod 600; say so when the secret is exposed to other users.
  if ((mode & 0o077) !== 0) warn(`credential file ${file} is readable by group or others; run: chmod 600 ${file}`);
  return parseLegacyCredentials(text, file);
}

/** euca2ools' -I, -S and --security-token (accepted under the euare- names only). */
export interface CommandLineKey {
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
}

export interface CredentialOptions {
  commandLine?: CommandLineKey;
  credentialFile?: string;
  profile?: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  warn: (message: string) => void;
  /** A `-d` line: says which source the SDK chain's fallback settled on. */
  debug?: (message: string) => void;
}

/** A file of the AWS shared configuration as the SDKs find it: `variable` if set, else ~/.aws/`name`. */
function awsFile(env: NodeJS.ProcessEnv, cwd: string, variable: string, name: string): string {
  const home = env.HOME || homedir();
  const named = env[variable];
  if (!named) return join(home, ".aws", name);
  return named.startsWith("~/") ? join(home, named.slice(2)) : resolve(cwd, named);
}

/** The shared credentials file: AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials. */
export function sharedCredentialsFile(env: NodeJS.ProcessEnv, cwd: string): string {
  return awsFile(env, cwd, "AWS_SHARED_CREDENTIALS_FILE", "credentials");
}

/** The shared config file: AWS_CONFIG_FILE, else ~/.aws/config. */
export function sharedConfigFile(env: NodeJS.ProcessEnv, cwd: string): string {
  return awsFile(env, cwd, "AWS_CONFIG_FILE", "config");
}

const isCredentialsProviderError = (err: unknown) => (err as { name?: string } | undefined)?.name === "CredentialsProviderError";

/** Whether a `[name]` or `[profile name]` section header names `profile` in `text`. */
function hasProfile(text: string, profile: string): boolean {
  return text.split(/\r?\n/).some((line) => /^\s*\[\s*(?:profile\s+)?(.+?)\s*\]/.exec(line)?.[1] === profile);
}

/**
 * The SDK chain for a named profile. When it finds nothing and neither file has the profile, the
 * error says so, naming the profile and the files read, instead of the chain's generic failure.
 */
function namedProfile(chain: AwsCredentialIdentityProvider, profile: string, via: string, options: CredentialOptions): AwsCredentialIdentityProvider {
  return async (props) => {
    try {
      return await chain(props);
    } catch (err) {
      if (!isCredentialsProviderError(err)) throw err;
      const files = [sharedCredentialsFile(options.env, options.cwd), sharedConfigFile(options.env, options.cwd)];
      const texts = await Promise.all(files.map((file) => readKeyValueFile(file, file, { missingOk: true }).catch(() => undefined)));
      if (texts.some((read) => read && hasProfile(read.text, profile))) throw err;
      const read = files.map((file, i) => (texts[i] ? file : `${file} (${existsSync(file) ? "unreadable" : "does not exist"})`));
      throw new ConfigError(`profile ${profile} (${via}) not found: read ${read.join(" and ")}`);
    }
  };
}

/**
 * The default SDK chain, then ~/.iamrc (euca2ools' credential file, IAMCli's format) when the
 * chain finds nothing and the file exists. Settled once; a -d line says when ~/.iamrc was used.
 */
function withIamrc(chain: AwsCredentialIdentityProvider, options: CredentialOptions): AwsCredentialIdentityProvider {
  const iamrc = join(options.env.HOME || homedir(), ".iamrc");
  let settled: Promise<AwsCredentialIdentity> | undefined;
  const settle = async (props?: Parameters<AwsCredentialIdentityProvider>[0]) => {
    try {
      return await chain(props);
    } catch (err) {
      if (!isCredentialsProviderError(err) || !existsSync(iamrc)) throw err;
      const found = await readLegacyFile(iamrc, options.cwd, options.warn);
      options.debug?.(`credentials: credential file ${iamrc} (~/.iamrc: the AWS SDK chain found none)`);
      return { ...found, [FROM_FILE]: `credential file ${iamrc} (~/.iamrc)` };
    }
  };
  return (props) => (settled ??= settle(props));
}

const ENVIRONMENT_KEY = "environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY";

/** A key given as values (on the command line, in variables), with its session token when there is one. */
function keyPair(accessKeyId: string, secretAccessKey: string, sessionToken?: string): AwsCredentialIdentity {
  return { accessKeyId, secretAccessKey, ...(sessionToken && { sessionToken }) };
}

/** -I and -S, checked as euca2ools did: both or neither, --security-token only with them. */
function commandLineKey({ accessKeyId, secretAccessKey, sessionToken }: CommandLineKey, warn: (message: string) => void): CredentialSource | undefined {
  if (!accessKeyId && !secretAccessKey) {
    if (sessionToken) throw new UsageError("--security-token needs the access key it belongs to: give -I and -S too");
    return undefined;
  }
  if (!accessKeyId || !secretAccessKey) throw new UsageError("-I (access key ID) and -S (secret key) must be given together");
  warn("a secret key given with -S can be read by other local users (ps); prefer AWS_SECRET_ACCESS_KEY or a 0600 credential file");
  return {
    description: `-I and -S on the command line (access key ${accessKeyId})`,
    credentials: keyPair(accessKeyId, secretAccessKey, sessionToken),
  };
}

/** The environment's key pair, as the SDK's own environment source reads it. */
function environmentKey(env: NodeJS.ProcessEnv): CredentialSource | undefined {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
  if (!accessKeyId || !secretAccessKey) return undefined;
  return {
    description: ENVIRONMENT_KEY,
    credentials: keyPair(accessKeyId, secretAccessKey, sessionToken),
  };
}

/** Marks the credentials ~/.iamrc gave after the SDK chain found none. */
const FROM_FILE = Symbol("iamkit credential file");

type Settled = AwsCredentialIdentity & { $source?: Record<string, string>; [FROM_FILE]?: string };

/** What the chain settled on: ~/.iamrc, or the source the SDK marks on the credentials it returns. */
function settledDescription(found: Settled, profile: string, options: CredentialOptions): string | undefined {
  if (found[FROM_FILE]) return found[FROM_FILE];
  const has = (feature: string) => found.$source?.[feature] !== undefined;
  const files = `${sharedCredentialsFile(options.env, options.cwd)} or ${sharedConfigFile(options.env, options.cwd)}`;
  if (has("CREDENTIALS_ENV_VARS")) return ENVIRONMENT_KEY;
  if (has("CREDENTIALS_PROFILE_SOURCE_PROFILE") || has("CREDENTIALS_STS_ASSUME_ROLE")) return `the role that profile ${profile} (${files}) assumes`;
  if (has("CREDENTIALS_PROFILE_SSO") || has("CREDENTIALS_SSO")) return `the SSO session of profile ${profile} (${files})`;
  if (has("CREDENTIALS_PROFILE_PROCESS") || has("CREDENTIALS_PROCESS")) return `the credential_process of profile ${profile} (${files})`;
  if (has("CREDENTIALS_PROFILE")) return `profile ${profile} in ${files}`;
  if (has("CREDENTIALS_HTTP")) return "the container credentials endpoint";
  if (has("CREDENTIALS_IMDS")) return "the EC2 instance's role";
  return undefined;
}

/** Refines `source.description` once the chain has found credentials. */
function describedOnSettling(source: CredentialSource, profile: string, options: CredentialOptions): CredentialSource {
  const chain = source.credentials as AwsCredentialIdentityProvider;
  source.credentials = async (props) => {
    const found = await chain(props);
    source.description = settledDescription(found, profile, options) ?? source.description;
    return found;
  };
  return source;
}

/** The SDK's warnings (several lines each) stay off the terminal; with -d they are one debug line. */
function sdkLogger(debug?: (message: string) => void) {
  const toDebug = (message: unknown) => debug?.(`AWS SDK: ${String(message).replace(/\s+/g, " ").trim()}`);
  return { debug: () => {}, info: () => {}, warn: toDebug, error: toDebug };
}

/**
 * First match wins: -I/-S (euare- names), --aws-credential-file, AWS_CREDENTIAL_FILE, the
 * environment's key pair even when AWS_PROFILE is set (as the aws CLI does: the profile then only
 * gives its other settings), then the AWS SDK's standard chain (shared config/credentials files and
 * --profile, SSO, process, container, instance), then ~/.iamrc when no profile is named. The SDK
 * chain is loaded only when no legacy file is configured, and runs at the first request.
 */
export async function resolveCredentials(options: CredentialOptions): Promise<CredentialSource> {
  const { credentialFile, env } = options;
  const given = options.commandLine && commandLineKey(options.commandLine, options.warn);
  if (given) return given;
  const legacyFile = credentialFile ?? env.AWS_CREDENTIAL_FILE;
  if (legacyFile) {
    const via = credentialFile ? "--aws-credential-file" : "AWS_CREDENTIAL_FILE";
    return {
      description: `credential file ${legacyFile} (${via})`,
      credentials: await readLegacyFile(legacyFile, options.cwd, options.warn),
    };
  }
  // The SDK would pick AWS_PROFILE over the key pair (and print a warning of several lines).
  const overProfile = !options.profile && env.AWS_PROFILE ? environmentKey(env) : undefined;
  if (overProfile) return { ...overProfile, description: `${overProfile.description} (over AWS_PROFILE ${env.AWS_PROFILE}, as the aws CLI does)` };
  const { defaultProvider } = await import("@aws-sdk/credential-provider-node");
  const chain = defaultProvider({ ...(options.profile && { profile: options.profile }), logger: sdkLogger(options.debug) });
  const profile = options.profile ?? env.AWS_PROFILE;
  if (profile) {
    const via = options.profile ? "--profile" : "AWS_PROFILE";
    const source = { description: `AWS SDK credential chain, profile ${profile}`, credentials: namedProfile(chain, profile, via, options) };
    return describedOnSettling(source, profile, options);
  }
  return describedOnSettling({ description: "AWS SDK default credential chain", credentials: withIamrc(chain, options) }, "default", options);
}
