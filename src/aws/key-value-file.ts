import { ConfigError } from "../cli/errors.js";

export interface KeyValueLine {
  key: string;
  value: string;
  /** 1-based line number, for error messages. */
  line: number;
}

/**
 * Reads the `KEY=VALUE` format of IAMCli's credential and client-config files: blank lines and
 * `#` comments are skipped. A malformed line is reported by number only, because its content may
 * be a secret. (`ini` would accept these files too, but it cannot say which line is wrong.)
 */
export function parseKeyValueLines(text: string, what: string): KeyValueLine[] {
  const entries: KeyValueLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const eq = line.indexOf("=");
    if (eq <= 0) throw new ConfigError(`${what} line ${index + 1}: expected KEY=VALUE`);
    entries.push({ key: line.slice(0, eq).trim(), value: line.slice(eq + 1).trim(), line: index + 1 });
  });
  return entries;
}

/** A key name safe to repeat in an error message (never a value, never something that looks like one). */
export function quotedKey(key: string): string {
  return /^[A-Za-z_.-]{1,40}$/.test(key) ? `"${key}"` : "key";
}
