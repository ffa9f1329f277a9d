import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../src/commands/index.js";
import { ROOT } from "./harness/moto.js";
import { runCli } from "./harness/run-cli.js";

/** The usage block of a command's page in docs/commands: what -h must print after the summary. */
function documentedUsage(name: string): string {
  const page = readFileSync(join(ROOT, "docs/commands", `${name}.md`), "utf8");
  return /## Usage\n\n```\n([\s\S]*?)```\n/.exec(page)![1];
}

describe("-h", () => {
  it.each(COMMANDS.map((spec) => [spec.name, spec.summary] as const))("%s prints its summary and the usage its page documents", async (name, summary) => {
    // No credentials, no endpoint: help needs neither.
    const res = await runCli(name, ["-h"], { env: {} });
    expect(res.code).toBe(0);
    expect(res.stderr).toBe("");
    expect(res.stdout.startsWith(`${summary}\n${documentedUsage(name)}`)).toBe(true);
  });

  it("wins wherever it stands, over an unknown option and a missing value", async () => {
    const res = await runCli("iam-userdel", ["--bogus", "-u", "-h"], { env: {} });
    expect(res).toMatchObject({ code: 0, stderr: "" });
    expect(res.stdout.split("\n")[0]).toBe("Delete a user; with -r, first remove everything that hangs off it.");
  });

  it("is printed under the euare- name with that name in the usage line", async () => {
    const res = await runCli("euare-userdel", ["--help"], { env: {} });
    expect(res.code).toBe(0);
    expect(res.stdout.split("\n")[1]).toBe("euare-userdel [options...] arguments...");
  });
});
