import { randomBytes } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import { access, lstat, mkdir, open, readlink, rename, rm, stat, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { ConfigError, UsageError } from "../core/errors.js";
import { parseLegacyCredentials } from "../aws/credentials.js";
import { parseKeyValueLines, readKeyValueFile, type FileText } from "../aws/key-value-file.js";
import { withFileLock } from "./file-lock.js";

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

export { sharedCredentialsFile } from "../aws/credentials.js";

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

/**
 * The section a line opens, as the AWS SDK for JavaScript reads it (botocore agrees): a comment
 * after the header (` # ...`, ` ; ...`) is not part of it, and the name between the brackets is
 * kept as it is, spaces included (`[ prod ]` is the profile " prod ", not "prod").
 */
function sectionName(text: string): string | undefined {
  const line = text.split(/(?:^|\s)[;#]/)[0].trim();
  return line.startsWith("[") && line.endsWith("]") ? line.slice(1, -1) : undefined;
}
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
  const headers = lines.flatMap((line, index) => (sectionName(line.text) === undefined ? [] : [index]));
  const own = headers.filter((index) => sectionName(lines[index].text) === profile);
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

/** `text` with `pair` in the target, a legacy file or a profile. */
function withTargetKeys(text: string, target: CredentialTarget, pair: KeyPair): string {
  return target.profile === undefined ? withLegacyKeys(text, pair) : withProfileKeys(text, target.profile, pair, target.file);
}

const dialectOf = (target: CredentialTarget) => (target.profile === undefined ? LEGACY : PROFILE);

/** The lines a target's entries are in: the whole legacy file, or the profile's section if any. */
function regionOf(lines: Line[], target: CredentialTarget): Region | undefined {
  return target.profile === undefined ? { from: 0, to: lines.length } : profileRegion(lines, target.profile, target.file);
}

/** Whether `line` sets one of the dialect's two key entries. */
function isKeyLine(line: Line, dialect: Dialect): boolean {
  const key = ENTRY.exec(line.text)?.[2];
  return key !== undefined && dialect.keys.some((k) => dialect.sameKey(k, key));
}

/** The key id and secret values a target holds; undefined when it holds neither. */
function heldValues(text: string, target: CredentialTarget): { id?: string; secret?: string } | undefined {
  const lines = splitLines(text);
  const dialect = dialectOf(target);
  const region = regionOf(lines, target);
  if (!region) return undefined;
  const found = entries(lines, region);
  const [id, secret] = dialect.keys.map((key) => found.find((e) => dialect.sameKey(e.key, key))?.value);
  return id === undefined && secret === undefined ? undefined : { id, secret };
}

/** The key id the target holds, and whether a secret is beside it; undefined when it holds neither. */
export function heldKey(text: string, target: CredentialTarget): { accessKeyId?: string; hasSecret: boolean } | undefined {
  const held = heldValues(text, target);
  return held && { accessKeyId: held.id, hasSecret: Boolean(held.secret) };
}

/** `text` with the target's key entries removed, and a profile section iamkit added (now empty) with them. */
function withoutKeys(text: string, target: CredentialTarget, sectionWasThere: boolean): string {
  const lines = splitLines(text);
  const region = regionOf(lines, target);
  if (!region) return text;
  const dialect = dialectOf(target);
  const inRegion = (i: number) => i >= region.from && i < region.to;
  let drop = (line: Line, i: number) => inRegion(i) && isKeyLine(line, dialect);
  const emptied = lines.every((line, i) => !inRegion(i) || line.text.trim() === "" || isKeyLine(line, dialect));
  if (region.header !== undefined && !sectionWasThere && emptied) {
    // The header and the section (whose blank lines part it from the next), or at the end of the
    // file, also the blank line withProfileKeys put before it.
    const last = region.to === lines.length;
    const from = last && region.header > 0 && lines[region.header - 1].text.trim() === "" ? region.header - 1 : region.header;
    drop = (_line, i) => i >= from && i < region.to;
  }
  return joinLines(lines.filter((line, i) => !drop(line, i)));
}

/** `text` with the target's entries as they are in `source`: what restore() puts back. */
function withHoldingOf(text: string, source: string, target: CredentialTarget): string {
  const old = heldValues(source, target);
  if (old?.id && old.secret) return withTargetKeys(text, target, { accessKeyId: old.id, secretAccessKey: old.secret });
  return withoutKeys(text, target, regionOf(splitLines(source), target) !== undefined);
}

// ---------------------------------------------------------------------------------------------
// Files

/** Mode, owner and group a rewritten file gets. */
interface Keep {
  mode: number;
  uid?: number;
  gid?: number;
}

/**
 * Replaces `file` with `data` so that a reader sees the old bytes or the new ones, never a
 * mixture, even if the process dies part-way: a crash before the rename leaves only a stray
 * temporary file (mode `keep.mode`, beside the target) and the original untouched. The temporary
 * file is created O_EXCL|O_NOFOLLOW, and rename() replaces a directory entry without following
 * it, so no link is ever written through. Returns a warning when the owner could not be kept.
 */
async function writeFileAtomic(file: string, data: string | Buffer, keep: Keep): Promise<string | undefined> {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.iamkit-${process.pid}-${randomBytes(4).toString("hex")}`);
  const flags = fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY | fsConstants.O_NOFOLLOW;
  const handle = await open(temp, flags, keep.mode);
  let renamed = false;
  let warning: string | undefined;
  try {
    try {
      // open() applies the umask; restoring a file must give back exactly its old mode.
      await handle.chmod(keep.mode);
      warning = await keepOwner(handle, file, keep);
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
  return warning;
}

/** Gives the new file the old one's owner and group (root can; a user can pick a group of theirs). */
async function keepOwner(handle: FileHandle, file: string, keep: Keep): Promise<string | undefined> {
  if (keep.uid === undefined || keep.gid === undefined) return undefined;
  const now = await handle.stat();
  if (now.uid === keep.uid && now.gid === keep.gid) return undefined;
  try {
    await handle.chown(keep.uid, keep.gid);
    return undefined;
  } catch {
    return `${file} was owned by uid ${keep.uid}, gid ${keep.gid}; iamkit could not keep that, so it now belongs to uid ${now.uid}, gid ${now.gid}`;
  }
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
  // mkdir -p meeting a file where a directory should be.
  EEXIST: "a parent is not a directory",
};

function fileProblem(err: unknown, what: string): UsageError {
  const code = (err as NodeJS.ErrnoException).code ?? "";
  return new UsageError(`cannot use ${what}: ${FILE_PROBLEMS[code] ?? code}`);
}

/** A failed write in plain words ("no space left on device"), from Node's "ENOSPC: no space left on device, write". */
function writeProblem(err: unknown, what: string): Error {
  const { code, message } = err as NodeJS.ErrnoException;
  if (!code || err instanceof UsageError || err instanceof ConfigError) return err as Error;
  const words = FILE_PROBLEMS[code] ?? new RegExp(`^${code}: ([^,]+)`).exec(message)?.[1] ?? code;
  return new Error(`cannot write ${what}: ${words}`);
}

/** A rewritten file is never looser than before, nor than 0600, and keeps its owner and group. */
function tightened(current: FileText | undefined): Keep {
  return current ? { mode: current.mode & 0o600, uid: current.uid, gid: current.gid } : { mode: 0o600 };
}

/** Refuses a symbolic link at `file`, naming it: iamkit never writes through one. */
async function refuseLink(file: string): Promise<void> {
  const info = await lstat(file).catch(() => undefined);
  if (!info?.isSymbolicLink()) return;
  const to = await readlink(file).catch(() => "?");
  throw new UsageError(`${file} is a symbolic link (to ${to}); iamkit does not write credentials through links: name the file itself`);
}

/** The file as it is now (undefined when there is none), read by the credential file grammar's rules. */
async function snapshot(file: string): Promise<FileText | undefined> {
  await refuseLink(file);
  return readKeyValueFile(file, `credential file ${file}`, { missingOk: true, noFollow: true });
}

/** Warnings about a directory others could use to swap the file: writable by them, or theirs. */
async function directoryWarnings(dir: string): Promise<string[]> {
  const info = await stat(dir);
  const me = process.geteuid?.();
  const warnings: string[] = [];
  if ((info.mode & 0o022) !== 0) {
    warnings.push(`directory ${dir} is writable by group or others, who could replace the credential file; run: chmod go-w ${dir}`);
  }
  if (me !== undefined && info.uid !== me) warnings.push(`directory ${dir} belongs to uid ${info.uid}, not to you (uid ${me})`);
  return warnings;
}

/** The two entries a target holds, compared to know whether another run changed it meanwhile. */
function sameHolding(a: string, b: string, target: CredentialTarget): boolean {
  return JSON.stringify(heldValues(a, target) ?? null) === JSON.stringify(heldValues(b, target) ?? null);
}

/**
 * The key id a target holds, read by the same grammar signing uses: the legacy file as
 * parseLegacyCredentials reads it, a profile's key lines by the KEY=VALUE rules (no quotes, no
 * inline comment, no repeats). The profile's other lines are the SDK's to read.
 */
function keyToRotate(text: string, target: CredentialTarget): string | undefined {
  if (target.profile === undefined) return parseLegacyCredentials(text, target.file).accessKeyId;
  const lines = splitLines(text);
  const region = profileRegion(lines, target.profile, target.file);
  if (!region) return undefined;
  // Other lines blanked, so that line numbers stay the file's own.
  const keyLines = lines.map((line, i) => (i >= region.from && i < region.to && isKeyLine(line, PROFILE) ? line.text : "")).join("\n");
  const found = parseKeyValueLines(keyLines, `${describeTarget(target)},`);
  const value = (key: string) => found.find((e) => PROFILE.sameKey(e.key, key))?.value;
  const [id, secret] = PROFILE.keys.map(value);
  return id && secret ? id : undefined;
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
  /**
   * Puts `pair` in the target; refuses if another run changed the target since it was opened.
   * `signal` stops the wait for another run's lock.
   */
  write(pair: KeyPair, signal?: AbortSignal): Promise<void>;
  /**
   * Undoes write(): the target's old entries (the file's old bytes and mode when nothing else
   * changed it meanwhile), or no file if there was none. False when there was nothing to undo.
   */
  restore(signal?: AbortSignal): Promise<boolean>;
  /** Whether write() put a key in the target that restore() has not taken back. */
  hasWritten(): boolean;
}

/**
 * Reads a target and refuses it as `mode` requires (a link, a file holding credentials already,
 * no key to rotate), changing nothing: what a dry run checks of a file it will not write.
 */
export async function checkTarget(target: CredentialTarget, mode: WriteMode): Promise<{ before?: FileText; currentKeyId?: string }> {
  const what = describeTarget(target);
  let before: FileText | undefined;
  try {
    before = await snapshot(target.file);
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError) throw err;
    throw fileProblem(err, what);
  }
  const text = before?.text ?? "";
  if (mode === "create") {
    const occupied = target.profile === undefined ? text.trim() !== "" : heldKey(text, target) !== undefined;
    if (occupied) throw new UsageError(`${what} already holds credentials; --force replaces them`);
    return { before };
  }
  if (mode === "rotate") {
    if (!before) throw new UsageError(`${what}: the file does not exist`);
    const currentKeyId = keyToRotate(text, target);
    if (!currentKeyId) throw new UsageError(`${what} holds no access key and secret to rotate`);
    return { before, currentKeyId };
  }
  return { before };
}

/**
 * Reads and checks a target before any request is sent, so that a file that would be refused
 * stops the command while nothing has changed in IAM yet. Its directory is created (0700) here
 * for the same reason: an unwritable location fails now, not after a key exists.
 *
 * write() and restore() hold a lock beside the file (see file-lock.ts) while they read, edit and
 * replace it, and edit the file as it is then: concurrent runs writing other profiles all keep
 * their keys, and a run whose own target another run changed meanwhile fails (and so deletes
 * its key) rather than overwrite it.
 */
export async function openTarget(target: CredentialTarget, mode: WriteMode, warn: (message: string) => void = () => {}): Promise<OpenTarget> {
  const what = describeTarget(target);
  const { file } = target;
  const dir = dirname(file);
  const { before, currentKeyId } = await checkTarget(target, mode);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await access(dir, fsConstants.W_OK);
  } catch (err) {
    throw fileProblem(err, what);
  }
  for (const warning of await directoryWarnings(dir)) warn(warning);
  const text = before?.text ?? "";
  const save = async (data: string | Buffer, how: Keep) => {
    const warning = await writeFileAtomic(file, data, how);
    if (warning) warn(warning);
  };
  const locked = <T>(body: () => Promise<T>, signal: AbortSignal | undefined) =>
    withFileLock(file, body, signal).catch((err) => {
      throw writeProblem(err, `credential file ${file}`);
    });

  let written: { text: string; pair: KeyPair } | undefined;
  return {
    target,
    currentKeyId,
    async write(pair, signal) {
      await locked(async () => {
        const now = await snapshot(file);
        if (!sameHolding(now?.text ?? "", text, target)) {
          throw new Error(`${what} was changed by another program while iamkit was running; it was left as it is`);
        }
        const next = withTargetKeys(now?.text ?? "", target, pair);
        await save(next, tightened(now));
        written = { text: next, pair };
      }, signal);
    },
    hasWritten: () => written !== undefined,
    async restore(signal) {
      if (!written) return false;
      const ours = written;
      written = undefined;
      return locked(async () => {
        const now = await snapshot(file);
        if (now?.text === ours.text) {
          // Nothing else changed the file: its old bytes and mode come back exactly.
          if (before) await save(before.bytes, { mode: before.mode, uid: before.uid, gid: before.gid });
          else await rm(file, { force: true });
          return true;
        }
        // Other profiles changed meanwhile: only this target's entries go back, if still ours.
        if (!now || heldKey(now.text, target)?.accessKeyId !== ours.pair.accessKeyId) return false;
        await save(withHoldingOf(now.text, text, target), tightened(now));
        return true;
      }, signal);
    },
  };
}
