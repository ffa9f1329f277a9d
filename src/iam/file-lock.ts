import { randomBytes } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import { lstat, open, readFile, rm } from "node:fs/promises";
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * A lock file beside a file that several iamkit runs may rewrite at once (two `iam-useraddkey
 * --write-profile` on one ~/.aws/credentials): `<file>.lock`, created with O_EXCL, holding
 * `<pid> <host> <token>`. It is held only while the file is read, edited and renamed into place.
 *
 * A lock is stale, and removed, when its process is gone (same host) or when it is older than
 * STALE_AFTER_MS (another host, or a pid reused since); the content is read again just before
 * removal, so a lock another waiter has just taken is left alone.
 */

export const STALE_AFTER_MS = 30_000;
/** Longer than STALE_AFTER_MS, so that a stale lock is always broken before a waiter gives up. */
const GIVE_UP_AFTER_MS = 45_000;

const HOST = hostname();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readLock(lock: string): Promise<{ content: string; ageMs: number } | undefined> {
  try {
    const info = await lstat(lock);
    const content = info.isFile() ? await readFile(lock, "utf8") : "";
    return { content, ageMs: Date.now() - info.mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

function isStale({ content, ageMs }: { content: string; ageMs: number }): boolean {
  const [pid, host] = content.trim().split(" ");
  if (host === HOST && /^\d+$/.test(pid ?? "") && !isAlive(Number(pid))) return true;
  return ageMs > STALE_AFTER_MS;
}

/** What the lock file says about its holder, for the error of a waiter that gave up. */
function holder(content: string): string {
  const [pid, host] = content.trim().split(" ");
  return /^\d+$/.test(pid ?? "") ? `process ${pid}${host && host !== HOST ? ` on ${host}` : ""}` : "another process";
}

/** Takes the lock at once, or returns false when another run holds it. */
async function tryLock(lock: string, content: string): Promise<boolean> {
  try {
    const flags = fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY | fsConstants.O_NOFOLLOW;
    const handle = await open(lock, flags, 0o600);
    try {
      await handle.writeFile(content);
    } catch (err) {
      // A lock that could not say whose it is (a full disk) is not left behind.
      await rm(lock, { force: true });
      throw err;
    } finally {
      await handle.close();
    }
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
}

/** Runs `body` holding `<file>.lock`; waits for another run's lock, breaks a stale one. */
export async function withFileLock<T>(file: string, body: () => Promise<T>): Promise<T> {
  const lock = `${file}.lock`;
  const mine = `${process.pid} ${HOST} ${randomBytes(6).toString("hex")}\n`;
  const started = Date.now();
  for (let wait = 5; !(await tryLock(lock, mine)); wait = Math.min(wait * 2, 200)) {
    const seen = await readLock(lock);
    if (seen && isStale(seen)) {
      // Only the lock judged stale is removed, never one a waiter took meanwhile.
      if ((await readLock(lock))?.content === seen.content) await rm(lock, { force: true });
      continue;
    }
    if (Date.now() - started > GIVE_UP_AFTER_MS) {
      throw new Error(`${file} is locked by ${holder(seen?.content ?? "")}; if no iamkit is running, remove ${lock}`);
    }
    await sleep(wait);
  }
  try {
    return await body();
  } finally {
    if ((await readLock(lock))?.content === mine) await rm(lock, { force: true });
  }
}
