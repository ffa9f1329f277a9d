import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { binPath } from "./harness/run-bin.js";

/** File names as completion offers them in a real bash: whole, spaces and all, and never expanded. */

const script = spawnSync(process.execPath, [binPath("iamkit"), "completion", "bash"], { encoding: "utf8", env: { PATH: process.env.PATH } }).stdout;

/** Completes `words` (the last one being typed) in `cwd`; one offered word per line. */
function complete(cwd: string, ...words: string[]): string[] {
  const body = `COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _iamkit_complete; printf '%s\\n' "\${COMPREPLY[@]}"; echo "noglob: $-"`;
  const res = spawnSync("bash", ["-c", `${script}\n${body}`], { encoding: "utf8", cwd });
  expect(res.stderr).toBe("");
  const lines = res.stdout.trimEnd().split("\n");
  // The shell's own settings are left as they were: globbing stays on.
  expect(lines.pop()).not.toMatch(/^noglob: .*f/);
  return lines.filter(Boolean);
}

describe("file name completion", () => {
  it("offers a name with spaces as one word", () => {
    const dir = mkdtempSync(join(tmpdir(), "iamkit-completion-"));
    writeFileSync(join(dir, "my policy.json"), "");
    writeFileSync(join(dir, "my other.json"), "");
    expect(complete(dir, "iam-useruploadpolicy", "-f", "my").sort()).toEqual(["my other.json", "my policy.json"]);
  });

  it("does not expand a * in a file name", () => {
    const dir = mkdtempSync(join(tmpdir(), "iamkit-completion-"));
    writeFileSync(join(dir, "star*"), "");
    writeFileSync(join(dir, "starfish"), "");
    expect(complete(dir, "iam-useruploadpolicy", "-f", "sta").sort()).toEqual(["star*", "starfish"]);
    expect(complete(dir, "iam-usermodkey", "-s", "")).toEqual(["Active", "Inactive"]);
  });
});
