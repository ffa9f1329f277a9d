import { constants as fsConstants, type Stats } from "node:fs";
import { lstat, open, stat } from "node:fs/promises";
import { ConfigError } from "../core/errors.js";

/**
 * The `KEY=VALUE` files iamkit reads: IAMCli's credential file (also ~/.iamrc) and the client
 * config file. One grammar, documented in docs/configuration.md ("File grammar"), used wherever
 * a credential file is read, so that signing and key rotation can never read one file two ways:
 *
 * - (readKeyValueFile) a regular file of at most 64 KiB, UTF-8 without NUL bytes;
 * - (parseKeyValueLines, for both kinds of file) blank lines, and comments on lines of their own that start with `#`;
 * - every other line is `KEY=VALUE`, with spaces around either part ignored;
 * - a value holds no quotes and no `#` (no access key, secret or setting does): a quoted value or
 *   an inline comment would otherwise be sent as part of the key;
 * - a key appears once (compared without regard to case).
 *
 * Errors name the file and line but never repeat a line's content, since it may be a secret.
 */

export const MAX_FILE_BYTES = 64 * 1024;

export interface KeyValueLine {
  key: string;
  value: string;
  /** 1-based line number, for error messages. */
  line: number;
}

/** Parses `text` by the grammar above; `what` names the file in errors ("credential file creds"). */
export function parseKeyValueLines(text: string, what: string): KeyValueLine[] {
  const entries: KeyValueLine[] = [];
  const firstLine = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    const number = index + 1;
    if (line === "" || line.startsWith("#")) return;
    const where = `${what} line ${number}`;
    const eq = line.indexOf("=");
    if (eq <= 0) throw new ConfigError(`${where}: expected KEY=VALUE`);
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (/["']/.test(value)) throw new ConfigError(`${where}: quotes are not part of the value; write it without them`);
    if (value.includes("#")) throw new ConfigError(`${where}: "#" after the value; comments go on lines of their own`);
    const earlier = firstLine.get(key.toLowerCase());
    if (earlier !== undefined) throw new ConfigError(`${where}: ${quotedKey(key)} is already set on line ${earlier}; keep one`);
    firstLine.set(key.toLowerCase(), number);
    entries.push({ key, value, line: number });
  });
  return entries;
}

/** A key name safe to repeat in an error message (never a value, never something that looks like one). */
export function quotedKey(key: string): string {
  return /^[A-Za-z_.-]{1,40}$/.test(key) ? `"${key}"` : "key";
}

const NOT_REGULAR: [test: (info: Stats) => boolean, noun: string][] = [
  [(info) => info.isFIFO(), "a named pipe"],
  [(info) => info.isSocket(), "a socket"],
  [(info) => info.isCharacterDevice() || info.isBlockDevice(), "a device"],
];

/** Why a file of this kind cannot be read as text, or undefined for a regular file. */
function notRegular(info: Stats): string | undefined {
  if (info.isFile()) return undefined;
  if (info.isDirectory()) return "is a directory";
  const noun = NOT_REGULAR.find(([test]) => test(info))?.[1];
  return noun ? `is ${noun}, not a regular file` : "is not a regular file";
}

const READ_PROBLEMS: Record<string, string> = {
  ENOENT: "does not exist",
  EACCES: "is not readable",
  EPERM: "is not readable",
  ENOTDIR: "does not exist (a parent is not a directory)",
  ELOOP: "is a symbolic link, not a regular file",
};

/** A failure to read `what` in plain words; a ConfigError is already worded. */
function readProblem(err: unknown, what: string): ConfigError {
  if (err instanceof ConfigError) return err;
  const code = (err as NodeJS.ErrnoException).code ?? "";
  return new ConfigError(`${what} ${READ_PROBLEMS[code] ?? `cannot be read (${code})`}`);
}

const isMissing = (err: unknown) => ["ENOENT", "ENOTDIR"].includes((err as NodeJS.ErrnoException).code ?? "");

export interface FileText {
  text: string;
  bytes: Buffer;
  /** The permission bits, for the group/other warning and to keep a rewritten file's mode. */
  mode: number;
  uid: number;
  gid: number;
}

export interface ReadOptions {
  /** Undefined instead of an error when the file does not exist (or a parent is not a directory). */
  missingOk?: boolean;
  /** Refuse a symbolic link instead of reading what it points to (a file about to be rewritten). */
  noFollow?: boolean;
}

/** A cap on what readRegularFile reads, and what the file cannot be when it is larger. */
export interface SizeLimit {
  maxBytes: number;
  /** "a credential or config file" */
  kind: string;
}

/**
 * Reads a regular file only (checked before opening, and opened non-blocking, so that a named
 * pipe or a device, or one swapped in meanwhile, cannot hang the command or feed it endlessly), of
 * at most `limit.maxBytes`. Errors name the file by `what`.
 */
export async function readRegularFile(path: string, what: string, limit: SizeLimit, options: ReadOptions = {}): Promise<Omit<FileText, "text"> | undefined> {
  const fail = (err: unknown): never => {
    throw readProblem(err, what);
  };
  const checkSize = (size: number) => {
    if (size > limit.maxBytes) throw new ConfigError(`${what} is larger than ${limit.maxBytes / 1024} KiB; it cannot be ${limit.kind}`);
  };
  const checkKind = (info: Stats) => {
    const problem = notRegular(info);
    if (problem) throw new ConfigError(`${what} ${problem}`);
    checkSize(info.size);
  };
  try {
    const info = await (options.noFollow ? lstat : stat)(path);
    if (info.isSymbolicLink()) throw new ConfigError(`${what} is a symbolic link, not a regular file`);
    checkKind(info);
  } catch (err) {
    if (options.missingOk && isMissing(err)) return undefined;
    return fail(err);
  }
  let handle;
  try {
    const noFollow = options.noFollow ? fsConstants.O_NOFOLLOW : 0;
    handle = await open(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK | noFollow);
  } catch (err) {
    return fail(err);
  }
  try {
    const info = await handle.stat();
    checkKind(info);
    // One byte more than allowed, to notice a file that grew past the cap since stat().
    const buffer = Buffer.alloc(limit.maxBytes + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) {
      ({ bytesRead: n } = await handle.read(buffer, length, buffer.length - length, length));
    }
    checkSize(length);
    return { bytes: buffer.subarray(0, length), mode: info.mode & 0o777, uid: info.uid, gid: info.gid };
  } catch (err) {
    return fail(err);
  } finally {
    await handle.close();
  }
}

/** Fails unless `path` is a regular file or (missingOk) missing: for files another library reads. */
export async function checkRegularFile(path: string, what: string, options: ReadOptions = {}): Promise<void> {
  try {
    const problem = notRegular(await stat(path));
    if (problem) throw new ConfigError(`${what} ${problem}`);
  } catch (err) {
    if (options.missingOk && isMissing(err)) return;
    throw readProblem(err, what);
  }
}

/** Reads a file of the grammar above: a regular file of at most MAX_FILE_BYTES, valid UTF-8 without NUL. */
export async function readKeyValueFile(path: string, what: string, options: ReadOptions = {}): Promise<FileText | undefined> {
  const file = await readRegularFile(path, what, { maxBytes: MAX_FILE_BYTES, kind: "a credential or config file" }, options);
  return file && { ...file, text: decodeText(file.bytes, what) };
}

/** Strict UTF-8 without NUL; the error names the first bad line. */
function decodeText(bytes: Buffer, what: string): string {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline < 0 ? bytes.length : newline;
    const part = bytes.subarray(start, end);
    if (part.includes(0)) throw new ConfigError(`${what} line ${line}: a NUL byte; the file must be text`);
    try {
      decoder.decode(part);
    } catch {
      throw new ConfigError(`${what} line ${line}: not valid UTF-8`);
    }
    start = end + 1;
  }
  return bytes.toString("utf8");
}
