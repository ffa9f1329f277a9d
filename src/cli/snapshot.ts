import { spawn, spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { userCacheDirectory } from "../core/cache-directory.js";
import { SNAPSHOT_V8_FLAGS } from "../core/snapshot-flags.js";

// The startup snapshot the bins start from (docs/performance.md). Each user keeps their own, in
// their cache directory, one per build of iamkit and Node binary:
//   ${XDG_CACHE_HOME:-$HOME/.cache}/iamkit/<build-id>-node-<inode>-<size>.blob
// The bins' launcher (src/gen/artifacts.ts) computes the same name in sh, runs the snapshot when
// it is there and otherwise runs the bin as before, asking for one to be built in the background.

const SNAPSHOT_DIR = fileURLToPath(new URL("../snapshot/", import.meta.url));

const SH_LINE = "#!/bin/sh\n";
const NODE_LINE = "#!/usr/bin/env node\n";

/** A build that failed or was cut short is tried again after this long, not on every call. */
const RETRY_AFTER_MS = 10 * 60_000;

/** Where this Node keeps the snapshot of this build of iamkit; the launcher's name for it. */
export function snapshotPath(env: NodeJS.ProcessEnv = process.env): string {
  const buildId = readFileSync(join(SNAPSHOT_DIR, "build-id"), "utf8").trim();
  // bigint: inode numbers may exceed what a double holds exactly, and ls prints them whole.
  const node = statSync(process.execPath, { bigint: true });
  return join(userCacheDirectory(env), `${buildId}-node-${node.ino}-${node.size}.blob`);
}

/**
 * Builds the snapshot for this Node into `blob`: written beside it and renamed into place, so the
 * launcher never sees a partial file (a truncated snapshot crashes Node). Snapshots of earlier
 * builds for the same Node are removed. Returns why it failed, or undefined.
 */
export function buildSnapshot(blob: string): string | undefined {
  const dir = dirname(blob);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const partial = `${blob}.${process.pid}.partial`;
  // V8 refuses a snapshot taken under other flags than the run's: the launcher uses it only
  // without NODE_OPTIONS, so it is built without them too.
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  delete env.IAMKIT_SNAPSHOT_MISSING;
  const built = spawnSync(process.execPath, ["--no-warnings", ...SNAPSHOT_V8_FLAGS, "--snapshot-blob", partial, "--build-snapshot", join(SNAPSHOT_DIR, "entry.js")], {
    env,
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  if (built.status !== 0) {
    rmSync(partial, { force: true });
    return built.error?.message ?? built.stderr.trim().split("\n").pop() ?? `exit ${built.status}`;
  }
  renameSync(partial, blob);
  const sameNode = basename(blob).replace(/^[^-]*/, "");
  for (const file of readdirSync(dir)) {
    if (file.endsWith(sameNode) && file !== basename(blob)) rmSync(join(dir, file), { force: true });
  }
  return undefined;
}

/**
 * Starts building `blob` in a detached process and returns at once; nothing when another build of
 * it started less than RETRY_AFTER_MS ago (its lock file is removed only by a build that succeeded).
 */
export function buildInBackground(blob: string): void {
  const lock = `${blob}.lock`;
  try {
    mkdirSync(dirname(blob), { recursive: true, mode: 0o700 });
    // Another user's cache (sudo keeping HOME): theirs to build, never this user's to write.
    if (statSync(dirname(blob)).uid !== process.getuid?.()) return;
    try {
      closeSync(openSync(lock, "wx", 0o600));
    } catch {
      if (Date.now() - statSync(lock).mtimeMs < RETRY_AFTER_MS) return;
      rmSync(lock);
      closeSync(openSync(lock, "wx", 0o600));
    }
    spawn(process.execPath, [fileURLToPath(import.meta.url), blob], { detached: true, stdio: "ignore" }).unref();
  } catch {
    // An unwritable cache, or another call took the lock first: the bins run as before.
  }
}

/**
 * npm's preinstall, run before npm links the bins. Where sh runs them: the snapshot for the Node
 * running npm. On Windows, where npm would run them through their first line's program, sh, which
 * Windows lacks: they start with Node, as they did before the launcher.
 */
export function install(): void {
  if (process.platform === "win32") startBinsWithNode(fileURLToPath(new URL("../../../bin/", import.meta.url)));
  else installSnapshot();
}

/** The snapshot for the Node running npm (preinstall, and prepare after the build), where sh runs the bins. */
export function installSnapshot(): void {
  if (process.platform === "win32") return;
  let failed: string | undefined;
  try {
    failed = buildSnapshot(snapshotPath());
  } catch (err) {
    failed = (err as Error).message;
  }
  // Never a failed install: the bins run without it, and build it on first use.
  if (failed) console.error(`iamkit: no startup snapshot (${failed}); the commands start without one`);
}

/** Gives every bin in `binDir` Node's first line instead of sh's: Node runs the file as a module. */
export function startBinsWithNode(binDir: string): void {
  for (const file of readdirSync(binDir)) {
    const text = readFileSync(join(binDir, file), "utf8");
    if (text.startsWith(SH_LINE)) writeFileSync(join(binDir, file), NODE_LINE + text.slice(SH_LINE.length));
  }
}

// Run as a script, by the path buildInBackground gives: the background build.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const blob = process.argv[2]!;
  const failed = buildSnapshot(blob);
  // A failed build's lock keeps why, for whoever looks (docs/performance.md).
  if (failed === undefined) rmSync(`${blob}.lock`, { force: true });
  else writeFileSync(`${blob}.lock`, `${failed}\n`);
}
