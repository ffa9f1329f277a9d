import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { ConfigError } from "../cli/errors.js";
import { parseKeyValueLines, quotedKey } from "./key-value-file.js";

/**
 * Settings from --client-config-file / CLIENT_CONFIG_FILE. IAMCli's own key names were never
 * published, so iamkit documents its own (docs/configuration.md): KEY=VALUE lines, # comments.
 */
export interface ClientConfig {
  proxyHost?: string;
  proxyPort?: number;
  /** Milliseconds to establish a connection. */
  connectionTimeout: number;
  /** Milliseconds a request may wait for the response. */
  requestTimeout: number;
  /** Attempts per request, first try included (the SDK retries throttling and 5xx). */
  maxAttempts: number;
}

export const DEFAULT_CLIENT_CONFIG: ClientConfig = { connectionTimeout: 5_000, requestTimeout: 30_000, maxAttempts: 3 };

const KEYS: Record<string, keyof ClientConfig> = {
  proxyhost: "proxyHost",
  proxyport: "proxyPort",
  connectiontimeout: "connectionTimeout",
  requesttimeout: "requestTimeout",
  maxattempts: "maxAttempts",
};

export function parseClientConfig(text: string, file: string): ClientConfig {
  const config: ClientConfig = { ...DEFAULT_CLIENT_CONFIG };
  for (const { key: name, value, line } of parseKeyValueLines(text, `client config file ${file}`)) {
    const where = `client config file ${file} line ${line}`;
    const key = KEYS[name.toLowerCase()];
    if (!key) throw new ConfigError(`${where}: unknown ${quotedKey(name)} (known: ${Object.values(KEYS).join(", ")})`);
    if (key === "proxyHost") {
      config.proxyHost = value;
      continue;
    }
    const number = Number(value);
    if (!Number.isInteger(number) || number <= 0) throw new ConfigError(`${where}: ${name} must be a positive whole number`);
    config[key] = number;
  }
  if (config.proxyHost && !config.proxyPort) config.proxyPort = 8080;
  return config;
}

export async function loadClientConfig(file: string | undefined, cwd: string): Promise<ClientConfig> {
  if (!file) return DEFAULT_CLIENT_CONFIG;
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(`client config file ${file} ${code === "ENOENT" ? "does not exist" : `cannot be read (${code})`}`);
  }
  return parseClientConfig(text, file);
}
