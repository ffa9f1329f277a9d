import type { FileHandle } from "node:fs/promises";
import type { Context } from "../core/context.js";

/**
 * Files a command creates for what it generates (a private key, a certificate). Each is created
 * exclusively before anything is generated or sent, so an existing file stops the command before
 * it has changed anything, and removed again if the run fails so that a retry is not refused.
 */

/** A file created by this run. */
export interface Reserved {
  handle: FileHandle;
  path: string;
}

export async function reserve(ctx: Context, reserved: Reserved[], path: string, mode: number, what: string): Promise<FileHandle> {
  const handle = await ctx.createNewFile(path, mode, what);
  reserved.push({ handle, path });
  return handle;
}

/**
 * Removes the files this run created, so that a retry is not refused by its own leftovers: after
 * a failure, and after SIGINT or SIGTERM stopped the run before the upload was sent.
 */
export async function discard(ctx: Context, reserved: Reserved[]): Promise<void> {
  for (const { handle, path } of reserved) {
    // The failure being reported is the earlier one; a close error must not keep the file.
    await handle.close().catch(() => undefined);
    await ctx.removeFile(path);
  }
}

/** Closes the files this run created and keeps them: the work they belong to is done. */
export async function keep(reserved: Reserved[]): Promise<void> {
  await Promise.all(reserved.map(({ handle }) => handle.close()));
}
