import { createHash, randomBytes } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import { link, lstat, open, readFile, rm } from "node:fs/promises";
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * A lock file beside a file that several iamkit runs may rewrite at once (two `iam-useraddkey
 * --write-profile` on one ~/.aws/credentials): `<file>.lock`, holding `<pid> <host> <token>`. It is
 * held only while the file is read, edited and renamed into place.
 *
 * The lock appears with its content in one step (written to a file of its own, then hard-linked to
 * the lock's name, which fails when the name is taken), so no run ever sees an empty lock.
 *
 * A lock is stale when its process is gone (same host) or when it is older than STALE_AFTER_MS
 * (another host, or a pid reused since). Breaking it is a check and a removal, and another waiter
 * could take the lock in between; so only the waiter that creates `<file>.lock.breaking-<id of the
 * stale lock>` (O_EXCL: one wins) may check and remove that lock. Each lock has its own id (inode,
 * time and random token), so a lock taken after the stale one was removed can never be removed as
 * stale by a waiter that saw the old one.
 */

export const STALE_AFTER_MS = 30_000;
/** Longer than STALE_AFTER_MS, so that a stale lock is always broken before a waiter gives up. */
const GIVE_UP_AFTER_MS = 45_000;

const HOST = hostname();

interface SeenLock {
  content: string;
  ageMs: number;
  /** Tells this lock from any other lock ever held at the same name. */
  id: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readLock(lock: string): Promise<SeenLock | undefined> {
  try {
    const info = await lstat(lock, { bigint: true });
    const content = info.isFile() ? await readFile(lock, "utf8") : "";
    const id = createHash("sha256").update(`${info.ino} ${info.mtimeNs} ${content}`).digest("hex").slice(0, 16);
    return { content, ageMs: Date.now() - Number(info.mtimeMs), id };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

function isStale({ content, ageMs }: SeenLock): boolean {
  const [pid, host] = content.trim().split(" ");
  if (host === HOST && /^\d+$/.test(pid ?? "") && !isAlive(Number(pid))) return true;
  return ageMs > STALE_AFTER_MS;
}

/** What the lock file says about its holder, for the error of a waiter that gave up. */
function holder(content: string): string {
  const [pid, host] = content.trim().split(" ");
  return /^\d+$/.test(pid ?? "") ? `process ${pid}${host && host !== HOST ? ` on ${host}` : ""}` : "another process";
}

/** Creates `path` holding `content`, or returns false when it exists. */
async function createExclusive(path: string, content: string): Promise<boolean> {
  const flags = fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY | fsConstants.O_NOFOLLOW;
  let handle;
  try {
    handle = await open(path, flags, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
  try {
    await handle.writeFile(content);
  } catch (err) {
    await rm(path, { force: true });
    throw err;
  } finally {
    await handle.close();
  }
  return true;
}

/** Takes the lock at once, content and all, or returns false when another run holds it. */
async function tryLock(lock: string, content: string): Promise<boolean> {
  const draft = `${lock}.${randomBytes(6).toString("hex")}`;
  await createExclusive(draft, content);
  try {
    await link(draft, lock);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  } finally {
    await rm(draft, { force: true });
  }
}

/**
 * Removes the stale lock `seen`, if it is still the lock and no other waiter is breaking it (true
 * when it did). A
 * guard left by a run killed while breaking (it is held for a few file operations) expires as a
 * lock does.
 */
async function breakStale(lock: string, seen: SeenLock): Promise<boolean> {
  const guard = `${lock}.breaking-${seen.id}`;
  if (!(await createExclusive(guard, ""))) {
    const left = await readLock(guard);
    if (left && left.ageMs > STALE_AFTER_MS) await rm(guard, { force: true });
    return false;
  }
  try {
    if ((await readLock(lock))?.id !== seen.id) return false;
    await rm(lock, { force: true });
    return true;
  } finally {
    await rm(guard, { force: true });
  }
}

/**
 * Runs `body` holding `<file>.lock`; waits for another run's lock, breaks a stale one. `signal`
 * (SIGINT, SIGTERM, the command's deadline) stops the wait with its reason.
 */
export async function withFileLock<T>(file: string, body: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  const lock = `${file}.lock`;
  const mine = `${process.pid} ${HOST} ${randomBytes(6).toString("hex")}\n`;
  const started = Date.now();
  for (let wait = 5; !(await tryLock(lock, mine)); wait = Math.min(wait * 2, 200)) {
    signal?.throwIfAborted();
    const seen = await readLock(lock);
    if (seen && isStale(seen) && (await breakStale(lock, seen))) continue;
    if (Date.now() - started > GIVE_UP_AFTER_MS) {
      throw new Error(`${file} is locked by ${holder(seen?.content ?? "")}; if no iamkit is running, remove ${lock}`);
    }
    await sleep(wait, undefined, { signal }).catch(() => signal!.throwIfAborted());
  }
  try {
    return await body();
  } finally {
    if ((await readLock(lock))?.content === mine) await rm(lock, { force: true });
  }
}
