import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The lock beside a credential file, taken by real processes at once: each adds one to a counter
 * file while it holds the lock, so two holders at a time lose an update.
 */

const LOCK_MODULE = resolve(import.meta.dirname, "../dist/iam/file-lock.js");

/** One process: takes the lock on `file`, reads the counter, yields a little, writes it plus one. */
const INCREMENT = `
const { withFileLock } = await import(process.argv[1]);
const { readFile, writeFile } = await import("node:fs/promises");
const file = process.argv[2];
await withFileLock(file, async () => {
  const n = Number(await readFile(file, "utf8"));
  await new Promise((r) => setTimeout(r, 15));
  await writeFile(file, String(n + 1));
});
`;

function increment(file: string): Promise<number | null> {
  const child = spawn(process.execPath, ["--input-type=module", "-e", INCREMENT, LOCK_MODULE, file], { stdio: "ignore" });
  return new Promise((done) => child.on("close", done));
}

/** A lock as a writer killed with -9 leaves it: its process is gone. */
function deadWritersLock(): string {
  const pid = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
  return `${pid} ${hostname()} deadbeef\n`;
}

describe("a stale lock and six waiters", () => {
  const WRITERS = 6;
  const ROUNDS = 15;

  it(`only one waiter at a time breaks it and holds the lock: no update lost in ${ROUNDS} rounds`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "iamkit-lock-"));
    const counts: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const file = join(dir, `counter${round}`);
      writeFileSync(file, "0");
      writeFileSync(`${file}.lock`, deadWritersLock());
      const codes = await Promise.all(Array.from({ length: WRITERS }, () => increment(file)));
      expect(codes).toEqual(Array(WRITERS).fill(0));
      counts.push(Number(readFileSync(file, "utf8")));
    }
    expect(counts).toEqual(Array(ROUNDS).fill(WRITERS));
    // Nothing left beside the files: no lock, no draft, no guard.
    expect(readdirSync(dir).sort()).toEqual(Array.from({ length: ROUNDS }, (_, i) => `counter${i}`).sort());
  }, 120_000);
});
