import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@aws-sdk/types";
import { ConfigError } from "../cli/errors.js";
import { parseKeyValueLines, quotedKey } from "./key-value-file.js";

/** Where the credentials come from, for `-d` and for error messages. */
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
  const full = resolve(cwd, file);
  let text: string;
  try {
    const info = await stat(full);
    if (info.isDirectory()) throw new ConfigError(`credential file ${file} is a directory`);
    text = await readFile(full, "utf8");
    // The legacy README asked for chmod 600; say so when the secret is exposed to other users.
    if ((info.mode & 0o077) !== 0) {
      warn(`credential file ${file} is readable by group or others; run: chmod 600 ${file}`);
    }
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "does not exist" : code === "EACCES" ? "is not readable" : `cannot be read (${code})`;
    throw new ConfigError(`credential file ${file} ${reason}`);
  }
  return parseLegacyCredentials(text, file);
}

export interface CredentialOptions {
  credentialFile?: string;
  profile?: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  warn: (message: string) => void;
}

/**
 * First match wins: --aws-credential-file, AWS_CREDENTIAL_FILE, then the AWS SDK's standard chain
 * (environment, shared config/credentials files and --profile, SSO, process, container, instance).
 * The SDK chain is loaded only when no legacy file is configured.
 */
export async function resolveCredentials(options: CredentialOptions): Promise<CredentialSource> {
  const { credentialFile, env } = options;
  const legacyFile = credentialFile ?? env.AWS_CREDENTIAL_FILE;
  if (legacyFile) {
    const via = credentialFile ? "--aws-credential-file" : "AWS_CREDENTIAL_FILE";
    return {
      description: `credential file ${legacyFile} (${via})`,
      credentials: await readLegacyFile(legacyFile, options.cwd, options.warn),
    };
  }
  const { defaultProvider } = await import("@aws-sdk/credential-provider-node");
  const profile = options.profile ?? env.AWS_PROFILE;
  return {
    description: profile ? `AWS SDK credential chain, profile ${profile}` : "AWS SDK default credential chain",
    credentials: defaultProvider(options.profile ? { profile: options.profile } : {}),
  };
}
