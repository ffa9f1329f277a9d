import { createHash, randomBytes } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { CreatedRecord, Entity } from "../aws/propagation.js";
import type { CredentialSource } from "../aws/credentials.js";
import { userCacheDirectory } from "../core/cache-directory.js";
import { withFileLock } from "./file-lock.js";

/**
 * The entities this machine created recently, so that a command run right after the one that
 * created them waits for IAM to show them instead of failing: one small JSON file per endpoint and
 * caller (its access key id), holding kinds, names, ids and times, never a secret. Entries older
 * than the budget are dropped on each write. Writers take the file's lock and rename a new file
 * into place, so readers (which take no lock) always see a whole file. The file is read only when
 * IAM answers NoSuchEntity: a command that meets none pays nothing for it.
 */

interface Entry extends Entity {
  at: number;
}

const newestOf = (entries: Entry[]) => (entries.length > 0 ? Math.max(...entries.map((e) => e.at)) : undefined);

/** IAMKIT_CACHE_DIR, else $XDG_CACHE_HOME/iamkit, else ~/.cache/iamkit. */
export function cacheDirectory(env: NodeJS.ProcessEnv): string {
  return env.IAMKIT_CACHE_DIR || userCacheDirectory(env);
}

async function readEntries(file: string): Promise<Entry[]> {
  try {
    const parsed = JSON.parse(await readFile(file, "utf8"));
    return Array.isArray(parsed.created) ? parsed.created : [];
  } catch {
    // No record yet, or one this version cannot read: nothing was created here that it knows of.
    return [];
  }
}

/** Writes `entries` to a new 0600 file beside `file` (never through a symlink) and renames it into place. */
async function replaceEntries(file: string, entries: Entry[]): Promise<void> {
  const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  const flags = fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY | fsConstants.O_NOFOLLOW;
  const handle = await open(temporary, flags, 0o600);
  try {
    await handle.writeFile(`${JSON.stringify({ created: entries })}\n`);
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, file);
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
  }
}

/**
 * The record for `endpoint` and the access key id `credentials` sign with. A record that cannot be written or read costs a -d line, never the command.
 */
export function recentCreates(
  env: NodeJS.ProcessEnv,
  endpoint: string,
  credentials: CredentialSource["credentials"],
  budgetMs: number,
  debug: (message: string) => void,
): CreatedRecord {
  const directory = cacheDirectory(env);
  const fileFor = async () => {
    const caller = typeof credentials === "function" ? (await credentials()).accessKeyId : credentials.accessKeyId;
    return join(directory, `created-${createHash("sha256").update(`${endpoint}\n${caller}`).digest("hex").slice(0, 32)}.json`);
  };
  const recent = (entries: Entry[], now: number) => entries.filter((e) => now - e.at < budgetMs);
  const isEntity = (entity: Entity) => (e: Entity) => e.kind === entity.kind && e.name === entity.name;
  /** Rewrites the file under its lock: `edit` gets the entries as they are then. */
  async function rewrite(edit: (entries: Entry[]) => Entry[], what: string): Promise<void> {
    try {
      await mkdir(directory, { recursive: true, mode: 0o700 });
      const file = await fileFor();
      await withFileLock(file, async () => replaceEntries(file, edit(await readEntries(file))));
    } catch (err) {
      debug(`could not ${what} in the record of recent creates in ${directory}: ${(err as Error).message}`);
    }
  }
  return {
    add: (entity, at) => rewrite((entries) => [...recent(entries, at), { ...entity, at }], `add the new ${entity.kind} ${entity.name}`),
    async forget(entity) {
      // Most deletes are of entities the record never held: they cost one read, no lock and no write.
      if (!(await readEntries(await fileFor())).some(isEntity(entity))) return;
      await rewrite((entries) => entries.filter((e) => !isEntity(entity)(e)), `drop the ${entity.kind} ${entity.name}`);
    },
    async createdAt(entity) {
      const entries = recent(await readEntries(await fileFor()), Date.now());
      return newestOf(entries.filter(isEntity(entity)));
    },
    async newest() {
      return newestOf(recent(await readEntries(await fileFor()), Date.now()));
    },
  };
}
