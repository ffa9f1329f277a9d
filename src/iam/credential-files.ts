import { randomBytes } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import { access, mkdir, open, readFile, realpath, rename, rm, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "../cli/errors.js";
import { parseLegacyCredentials } from "../aws/credentials.js";

/**
 * Writing access keys into credential files: IAMCli's `AWSAccessKeyId=`/`AWSSecretKey=` file, or a
 * profile of the AWS shared credentials file. Files are replaced atomically (a temporary file in
 * the same directory, fsync, rename), created 0600 in a directory created 0700, and only the
 * target's key lines change: comments, other profiles and other settings keep their bytes. (The
 * `ini` package cannot do that: it drops comments, respaces and re-quotes values, and reads
 * `[dev.eu]` as a nested section, so the target section's lines are edited here instead.)
 */

export interface KeyPair {
  accessKeyId: string;
  secretAccessKey: string;
}

/** A legacy file (no profile), or one profile of a shared credentials file. `file` is absolute. */
export interface CredentialTarget {
  file: string;
  profile?: string;
}

export function describeTarget(target: CredentialTarget): string {
  return target.profile === undefined ? `credential file ${target.file}` : `profile ${target.profile} in ${target.file}`;
}

/** The shared credentials file as the AWS SDKs find it: AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials. */
export function sharedCredentialsFile(env: NodeJS.ProcessEnv, cwd: string): string {
  const home = env.HOME || homedir();
  const named = env.AWS_SHARED_CREDENTIALS_FILE;
  if (!named) return join(home, ".aws", "credentials");
  return named.startsWith("~/") ? join(home, named.slice(2)) : resolve(cwd, named);
}

/** Profile names iamkit writes: nothing that could end the `[name]` header or start a comment. */
export function checkProfileName(raw: string): string {
  if (!/^[\w.@+=,:/-]{1,128}$/.test(raw)) {
    throw new UsageError(`invalid profile name "${raw}": use 1 to 128 letters, digits and _ . @ + = , : / -`);
  }
  return raw;
}

// ---------------------------------------------------------------------------------------------
// Line editing (pure)

interface Line {
  text: string;
  /** "\n", "\r\n", or "" for a last line without one. */
  end: string;
}

function splitLines(text: string): Line[] {
  if (text === "") return [];
  return text.split(/(?<=\n)/).map((part) => {
    const end = /\r?\n$/.exec(part)?.[0] ?? "";
    return { text: part.slice(0, part.length - end.length), end };
  });
}

const joinLines = (lines: Line[]) => lines.map((l) => l.text + l.end).join("");

const HEADER = /^\s*\[\s*([^\]]*?)\s*\]\s*$/;
const ENTRY = /^(\s*([^\s=#;][^=]*?)\s*=\s*)(.*?)\s*$/;

interface Dialect {
  /** The key names to set, in the order they are added. */
  keys: readonly [id: string, secret: string];
  /** Keys removed from the target (a stale session token would spoil the new long-term key). */
  drop: readonly string[];
  separator: string;
  sameKey(a: string, b: string): boolean;
}

const LEGACY: Dialect = {
  keys: ["AWSAccessKeyId", "AWSSecretKey"],
  drop: [],
  separator: "=",
  sameKey: (a, b) => a === b,
};

/** The SDKs (and botocore's configparser) read credentials keys case-insensitively. */
const PROFILE: Dialect = {
  keys: ["aws_access_key_id", "aws_secret_access_key"],
  drop: ["aws_session_token", "aws_security_token"],
  separator: " = ",
  sameKey: (a, b) => a.toLowerCase() === b.toLowerCase(),
};

/** Where a target's entries are: [from, to) line indexes; `header` when a profile section exists. */
interface Region {
  from: number;
  to: number;
  header?: number;
}

function profileRegion(lines: Line[], profile: string, file: string): Region | undefined {
  const headers = lines.flatMap((line, index) => (HEADER.test(line.text) ? [index] : []));
  const own = headers.filter((index) => HEADER.exec(lines[index].text)![1] === profile);
  if (own.length > 1) throw new UsageError(`profile ${profile} appears ${own.length} times in ${file}; merge those sections first`);
  if (own.length === 0) return undefined;
  const next = headers.find((index) => index > own[0]) ?? lines.length;
  return { from: own[0] + 1, to: next, header: own[0] };
}

function entries(lines: Line[], region: Region): { key: string; value: string }[] {
  return lines.slice(region.from, region.to).flatMap((line) => {
    const match = ENTRY.exec(line.text);
    return match ? [{ key: match[2], value: match[3] }] : [];
  });
}

/**
 * Sets the two key entries of `region`, editing the first occurrence of each in place, dropping
 * repeats and the dialect's stale keys, and adding missing entries after the region's last
 * entry. Every other line is kept as it was.
 */
function setKeys(lines: Line[], region: Region, dialect: Dialect, values: readonly [string, string], eol: string): Line[] {
  const seen = new Set<number>();
  // With no entry yet, keys go right under the profile's header, or at the end of a legacy file.
  let lastEntry = region.header ?? region.to - 1;
  const out: Line[] = [];
  for (const [index, line] of lines.entries()) {
    const match = index >= region.from && index < region.to ? ENTRY.exec(line.text) : null;
    const which = match ? dialect.keys.findIndex((k) => dialect.sameKey(k, match[2])) : -1;
    if (!match) {
      out.push(line);
      continue;
    }
    if (which >= 0 ? seen.has(which) : dialect.drop.some((k) => dialect.sameKey(k, match[2]))) continue;
    if (which >= 0) seen.add(which);
    out.push(which >= 0 ? { text: match[1] + values[which], end: line.end } : line);
    lastEntry = out.length - 1;
  }
  const missing = dialect.keys.flatMap((key, which) => (seen.has(which) ? [] : [{ text: key + dialect.separator + values[which], end: eol }]));
  const at = lastEntry + 1;
  if (missing.length > 0 && at > 0 && out[at - 1].end === "") out[at - 1] = { ...out[at - 1], end: eol };
  out.splice(at, 0, ...missing);
  return out;
}

/** The file's own line ending, for lines iamkit adds. */
function lineEnding(text: string): string {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

/** The legacy file's text with `pair` in it (comments and other lines kept). */
export function withLegacyKeys(text: string, pair: KeyPair): string {
  const lines = splitLines(text);
  return joinLines(setKeys(lines, { from: 0, to: lines.length }, LEGACY, [pair.accessKeyId, pair.secretAccessKey], lineEnding(text)));
}

/** The shared credentials file's text with `pair` in `profile` (added at the end when missing). */
export function withProfileKeys(text: string, profile: string, pair: KeyPair, file = "the credentials file"): string {
  const eol = lineEnding(text);
  const lines = splitLines(text);
  const values = [pair.accessKeyId, pair.secretAccessKey] as const;
  const region = profileRegion(lines, profile, file);
  if (region) return joinLines(setKeys(lines, region, PROFILE, values, eol));
  const last = lines.at(-1);
  if (last && last.end === "") lines[lines.length - 1] = { ...last, end: eol };
  const gap = lines.length > 0 && lines.at(-1)!.text.trim() !== "" ? [{ text: "", end: eol }] : [];
  const section = [`[${profile}]`, ...PROFILE.keys.map((key, i) => key + PROFILE.separator + values[i])];
  return joinLines([...lines, ...gap, ...section.map((text) => ({ text, end: eol }))]);
}

/** The key id the target holds, and whether a secret is beside it; undefined when it holds neither. */
export function heldKey(text: string, target: CredentialTarget): { accessKeyId?: string; hasSecret: boolean } | undefined {
  const lines = splitLines(text);
  const dialect = target.profile === undefined ? LEGACY : PROFILE;
  const region = target.profile === undefined ? { from: 0, to: lines.length } : profileRegion(lines, target.profile, target.file);
  if (!region) return undefined;
  const found = entries(lines, region);
  const value = (key: string) => found.find((e) => dialect.sameKey(e.key, key))?.value;
  const [id, secret] = dialect.keys.map(value);
  return id === undefined && secret === undefined ? undefined : { accessKeyId: id, hasSecret: Boolean(secret) };
}

// ---------------------------------------------------------------------------------------------
// Files

/**
 * Replaces `file` with `data` so that a reader sees the old bytes or the new ones, never a
 * mixture, even if the process dies part-way: a crash before the rename leaves only a stray
 * temporary file (mode `mode`, beside the target) and the original untouched.
 */
async function writeFileAtomic(file: string, data: string | Buffer, mode: number): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `.${basename(file)}.iamkit-${process.pid}-${randomBytes(4).toString("hex")}`);
  const handle = await open(temp, fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY, mode);
  let renamed = false;
  try {
    try {
      // open() applies the umask; restoring a file must give back exactly its old mode.
      await handle.chmod(mode);
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
    renamed = true;
  } finally {
    if (!renamed) await rm(temp, { force: true });
  }
  await syncDirectory(dir);
}

/** Makes the rename itself durable; some file systems cannot fsync a directory, which is harmless. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r").catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close();
}

const FILE_PROBLEMS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "it is a directory",
  ENOTDIR: "a parent is not a directory",
};

function fileProblem(err: unknown, what: string): UsageError {
  const code = (err as NodeJS.ErrnoException).code ?? "";
  return new UsageError(`cannot use ${what}: ${FILE_PROBLEMS[code] ?? code}`);
}

async function readIfPresent(file: string): Promise<{ bytes: Buffer; mode: number } | undefined> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw Object.assign(new Error(), { code: "EISDIR" });
    return { bytes: await readFile(file), mode: info.mode & 0o777 };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

/**
 * "create": refuse a target that already holds a key (a non-empty legacy file, or a profile with
 * a key); "replace": write whatever is there (--force); "rotate": the target must hold a key.
 */
export type WriteMode = "create" | "replace" | "rotate";

export interface OpenTarget {
  target: CredentialTarget;
  /** The key id the target holds now ("rotate" only). */
  currentKeyId?: string;
  /** Puts `pair` in the target; refuses if the file changed since it was opened. */
  write(pair: KeyPair): Promise<void>;
  /** Undoes write(): the file's old bytes and mode, or no file if there was none. */
  restore(): Promise<void>;
}

/**
 * Reads and checks a target before any request is sent, so that a file that would be refused
 * stops the command while nothing has changed in IAM yet. Its directory is created (0700) here
 * for the same reason: an unwritable location fails now, not after a key exists.
 */
export async function openTarget(target: CredentialTarget, mode: WriteMode): Promise<OpenTarget> {
  const what = describeTarget(target);
  // A symbolic link (a credentials file kept with dotfiles) stays a link: its target is rewritten.
  const file = await realpath(target.file).catch(() => target.file);
  let before: Awaited<ReturnType<typeof readIfPresent>>;
  try {
    before = await readIfPresent(file);
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    await access(dirname(file), fsConstants.W_OK);
  } catch (err) {
    throw fileProblem(err, what);
  }
  const text = before?.bytes.toString("utf8") ?? "";
  const held = heldKey(text, target);
  let currentKeyId: string | undefined;
  if (mode === "create") {
    const occupied = target.profile === undefined ? text.trim() !== "" : held !== undefined;
    if (occupied) throw new UsageError(`${what} already holds credentials; --force replaces them`);
  } else if (mode === "rotate") {
    if (!before) throw new UsageError(`${what}: the file does not exist`);
    // The legacy file is parsed as iamkit reads it to sign, so a file it could not use is caught now.
    if (target.profile === undefined) parseLegacyCredentials(text, target.file);
    if (!held?.accessKeyId || !held.hasSecret) throw new UsageError(`${what} holds no access key and secret to rotate`);
    currentKeyId = held.accessKeyId;
  }

  let written = false;
  return {
    target,
    currentKeyId,
    async write(pair) {
      const now = await readIfPresent(file);
      const unchanged = now === undefined ? before === undefined : before !== undefined && now.bytes.equals(before.bytes);
      if (!unchanged) throw new Error(`${what} changed while iamkit was running; it was left as it is`);
      const next = target.profile === undefined ? withLegacyKeys(text, pair) : withProfileKeys(text, target.profile, pair, target.file);
      await writeFileAtomic(file, next, 0o600);
      written = true;
    },
    async restore() {
      if (!written) return;
      if (before) await writeFileAtomic(file, before.bytes, before.mode);
      else await rm(file, { force: true });
      written = false;
    },
  };
}
