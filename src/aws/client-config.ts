import { resolve } from "node:path";
import { ConfigError } from "../core/errors.js";
import { parseKeyValueLines, quotedKey, readKeyValueFile } from "./key-value-file.js";

/**
 * Connection and retry settings. IAMCli's client-config key names were never published, so
 * iamkit documents its own (docs/configuration.md). Sources, later ones winning: the defaults,
 * --client-config-file / CLIENT_CONFIG_FILE, then the environment (AWS_MAX_ATTEMPTS and
 * AWS_RETRY_MODE as the AWS SDKs and CLI read them, IAMKIT_* for the rest).
 */
export interface ClientConfig {
  proxyHost?: string;
  proxyPort?: number;
  /** Milliseconds to establish a connection. */
  connectionTimeout: number;
  /** Milliseconds a request may wait for the response. */
  requestTimeout: number;
  /** Attempts per request, first try included. */
  maxAttempts: number;
  /** `standard` backs off per request; `adaptive` also slows the client down once IAM throttles. */
  retryMode: "standard" | "adaptive";
  /** Milliseconds: the ceiling of each backoff before a retry; unset, the AWS SDK's own (20 s). */
  maxBackoff?: number;
}

/**
 * Five attempts ride out bursts of throttling (at 30% throttled requests one request in 400
 * exhausts them) while a dead endpoint still fails within seconds, and one that accepts and never
 * answers within about 45 s (IAM answers in well under a second).
 */
const DEFAULT_CLIENT_CONFIG: ClientConfig = {
  connectionTimeout: 5_000,
  requestTimeout: 8_000,
  maxAttempts: 5,
  retryMode: "standard",
};

interface Setting {
  key: keyof ClientConfig;
  /** The environment variable that overrides the file. */
  env?: string;
  parse: (value: string) => ClientConfig[keyof ClientConfig] | undefined;
  expected: string;
}

const positive = (value: string) => (/^\d+$/.test(value) && Number(value) > 0 ? Number(value) : undefined);

/** A positive whole number up to `max`. */
const atMost = (max: number) => (value: string) => {
  const n = positive(value);
  return n !== undefined && n <= max ? n : undefined;
};

/** A day: Node's timers take at most 2^31 - 1 ms, and turn anything longer into 1 ms. */
const MAX_MILLISECONDS = 86_400_000;
const milliseconds = atMost(MAX_MILLISECONDS);
const MILLISECONDS = `a positive whole number of milliseconds, at most ${MAX_MILLISECONDS} (a day)`;

const SETTINGS: Setting[] = [
  { key: "proxyHost", parse: (v) => v || undefined, expected: "a host name" },
  { key: "proxyPort", parse: atMost(65_535), expected: "a port number from 1 to 65535" },
  { key: "connectionTimeout", env: "IAMKIT_CONNECTION_TIMEOUT", parse: milliseconds, expected: MILLISECONDS },
  { key: "requestTimeout", env: "IAMKIT_REQUEST_TIMEOUT", parse: milliseconds, expected: MILLISECONDS },
  { key: "maxAttempts", env: "AWS_MAX_ATTEMPTS", parse: positive, expected: "a positive whole number" },
  {
    key: "retryMode",
    env: "AWS_RETRY_MODE",
    parse: (v) => (v === "standard" || v === "adaptive" ? v : undefined),
    expected: "standard or adaptive",
  },
  { key: "maxBackoff", env: "IAMKIT_MAX_BACKOFF", parse: milliseconds, expected: MILLISECONDS },
];

function apply(config: ClientConfig, setting: Setting, value: string, where: string): void {
  const parsed = setting.parse(value);
  if (parsed === undefined) throw new ConfigError(`${where} must be ${setting.expected}`);
  (config as unknown as Record<string, unknown>)[setting.key] = parsed;
}

function parseClientConfig(text: string, file: string, config: ClientConfig = { ...DEFAULT_CLIENT_CONFIG }): ClientConfig {
  for (const { key: name, value, line } of parseKeyValueLines(text, `client config file ${file}`)) {
    const setting = SETTINGS.find((s) => s.key.toLowerCase() === name.toLowerCase());
    const where = `client config file ${file} line ${line}`;
    if (!setting) {
      throw new ConfigError(`${where}: unknown ${quotedKey(name)} (known: ${SETTINGS.map((s) => s.key).join(", ")})`);
    }
    apply(config, setting, value, `${where}: ${name}`);
  }
  return config;
}

export async function loadClientConfig(file: string | undefined, cwd: string, env: NodeJS.ProcessEnv): Promise<ClientConfig> {
  const config = { ...DEFAULT_CLIENT_CONFIG };
  if (file) {
    const { text } = (await readKeyValueFile(resolve(cwd, file), `client config file ${file}`))!;
    parseClientConfig(text, file, config);
  }
  for (const setting of SETTINGS) {
    const value = setting.env && env[setting.env];
    if (value) apply(config, setting, value, setting.env!);
  }
  if (config.proxyHost && !config.proxyPort) config.proxyPort = 8080;
  return config;
}
