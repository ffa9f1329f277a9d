import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../dist/commands/index.js";
import { binNames } from "../dist/usage/bin-names.js";
import { binPath } from "./harness/run-bin.js";

const iamkit = (...argv: string[]) =>
  spawnSync(process.execPath, [binPath("iamkit"), ...argv], { encoding: "utf8", env: { PATH: process.env.PATH } });

let script: string | undefined;

/** Completes each word list (its last word being typed) in one real bash with the generated script loaded. */
function completeAll(cases: string[][], cwd?: string): string[][] {
  script ??= iamkit("completion", "bash").stdout;
  const body = cases
    .map((words) => `COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _iamkit_complete; echo "\${COMPREPLY[*]}"`)
    .join("\n");
  const res = spawnSync("bash", ["-c", `${script}\n${body}`], { encoding: "utf8", cwd });
  expect(res.stderr).toBe("");
  return res.stdout.split("\n").slice(0, cases.length).map((line) => line.split(" ").filter(Boolean));
}

const complete = (...words: string[]) => completeAll([words])[0];

describe("iamkit --list", () => {
  it("names every installed command: the 71 legacy ones, the modern ones and the euare- aliases", () => {
    const res = iamkit("--list");
    expect(res.status).toBe(0);
    expect(res.stdout.trimEnd().split("\n")).toEqual(binNames(COMMANDS));
  });
});

describe("iamkit completion", () => {
  it("completes command names after iamkit", () => {
    expect(complete("iamkit", "userdelk")).toEqual(["userdelkey"]);
    expect(complete("iamkit", "pl")).toEqual(["plan"]);
  });

  it("completes iamkit plan's options, then file names for the script and its arguments", () => {
    const dir = mkdtempSync(join(tmpdir(), "iamkit-completion-"));
    writeFileSync(join(dir, "onboard.sh"), "");
    writeFileSync(join(dir, "offboard.sh"), "");
    const [options, script, argument] = completeAll(
      [
        ["iamkit", "plan", "--j"],
        ["iamkit", "plan", "--json", "on"],
        ["iamkit", "plan", "offboard.sh", "o"],
      ],
      dir,
    );
    expect(options).toEqual(["--json"]);
    expect(script).toEqual(["onboard.sh"]);
    expect(argument.sort()).toEqual(["offboard.sh", "onboard.sh"]);
  });

  it("completes every command's options, for iam- and euare- names alike", () => {
    const cases = COMMANDS.flatMap((spec) => spec.options.map((option) => [spec.name, `--${option.long}`]));
    completeAll(cases).forEach((offered, i) => expect(offered, cases[i].join(" ")).toContain(cases[i][1]));
    expect(complete("euare-usercreate", "--user-")).toEqual(["--user-name"]);
    expect(complete("iam-userlistbypath", "--aws-cred")).toEqual(["--aws-credential-file"]);
  });

  it("completes the values of options with a fixed set", () => {
    expect(complete("iam-usermodkey", "-s", "")).toEqual(["Active", "Inactive"]);
    expect(complete("iamkit", "useraddpolicy", "--effect", "D")).toEqual(["Deny"]);
  });

  it("completes file names after an option that takes a file, and nothing after other values", () => {
    const dir = mkdtempSync(join(tmpdir(), "iamkit-completion-"));
    writeFileSync(join(dir, "cert.pem"), "");
    writeFileSync(join(dir, "creds.txt"), "");
    mkdirSync(join(dir, "keys"));
    const [cert, credentials, policy, user] = completeAll(
      [
        ["iam-useraddcert", "-u", "bob", "-f", "c"],
        ["euare-userdel", "--aws-credential-file", "cr"],
        ["iamkit", "useruploadpolicy", "--policy-document", ""],
        ["iam-userdel", "-u", ""],
      ],
      dir,
    );
    expect(cert.sort()).toEqual(["cert.pem", "creds.txt"]);
    expect(credentials).toEqual(["creds.txt"]);
    expect(policy.sort()).toEqual(["cert.pem", "creds.txt", "keys"]);
    expect(user).toEqual([]);
  });

  it("zsh gets the same script behind bash emulation; anything else is a usage error", () => {
    const zsh = iamkit("completion", "zsh").stdout;
    expect(zsh.split("\n")[0]).toBe("autoload -U +X bashcompinit && bashcompinit");
    expect(zsh).toContain("complete -o default -F _iamkit_complete iamkit iam-");
    expect(iamkit("completion", "fish")).toMatchObject({ status: 2, stdout: "", stderr: "iamkit: usage: iamkit completion bash|zsh\n" });
  });
});
