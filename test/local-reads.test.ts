import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useMoto, writeTestFile } from "./harness/moto.js";
import { binPath, runShell, start } from "./harness/run-bin.js";

/**
 * Local files that never end or never open: named pipes and devices where a configuration file
 * should be, and a slow `-f <(command)`. None may hang the command past its deadline or past the
 * first SIGINT. Real bins, real pipes.
 */

const moto = useMoto();

/** A named pipe no one writes to: opening it for reading blocks. */
function fifo(name: string): string {
  const path = join(moto.dir, name);
  execFileSync("mkfifo", [path]);
  return path;
}

const list = (env: NodeJS.ProcessEnv) => runShell("iam-userlistbypath --timeout 5", { env: { ...moto.env, ...env } });

describe("configuration files that are not regular files are refused at once (exit 3)", () => {
  it.each([
    ["AWS_CA_BUNDLE", (f: string) => ({ AWS_CA_BUNDLE: f }), (f: string) => `CA bundle ${f} (AWS_CA_BUNDLE) is a named pipe, not a regular file`],
    ["AWS_CONFIG_FILE", (f: string) => ({ AWS_CONFIG_FILE: f }), (f: string) => `config file ${f} is a named pipe, not a regular file`],
    [
      "AWS_SHARED_CREDENTIALS_FILE",
      (f: string) => ({ AWS_SHARED_CREDENTIALS_FILE: f }),
      (f: string) => `shared credentials file ${f} is a named pipe, not a regular file`,
    ],
    ["CLIENT_CONFIG_FILE", (f: string) => ({ CLIENT_CONFIG_FILE: f }), (f: string) => `client config file ${f} is a named pipe, not a regular file`],
  ])("a named pipe at %s", async (variable, env, message) => {
    const path = fifo(`${variable}.fifo`);
    expect(await list(env(path))).toEqual({ code: 3, signal: null, stdout: "", stderr: `iam-userlistbypath: ${message(path)}\n` });
  });

  it("a named pipe as the profile's ca_bundle", async () => {
    const path = fifo("profile-ca.fifo");
    const config = writeTestFile(moto, "config-with-ca", `[default]\nca_bundle = ${path}\n`);
    expect(await list({ AWS_CONFIG_FILE: config })).toEqual({
      code: 3,
      signal: null,
      stdout: "",
      stderr: `iam-userlistbypath: CA bundle ${path} (ca_bundle of profile default in ${config}) is a named pipe, not a regular file\n`,
    });
  });

  it("AWS_CA_BUNDLE=/dev/zero is a device, not read", async () => {
    expect(await list({ AWS_CA_BUNDLE: "/dev/zero" })).toEqual({
      code: 3,
      signal: null,
      stdout: "",
      stderr: "iam-userlistbypath: CA bundle /dev/zero (AWS_CA_BUNDLE) is a device, not a regular file\n",
    });
  });
});

describe("a policy file that is a pipe", () => {
  it("a slow -f <(command) ends at --timeout, exit 2, and nothing is sent", async () => {
    await moto.iam.createUser({ UserName: "pat" });
    const policy = `'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}'`;
    // A policy that would be good, had it come in time.
    const res = await runShell(`iam-useruploadpolicy -u pat -p slow -f <(exec 2>/dev/null; sleep 5; echo ${policy}) --timeout 1`, { env: moto.env });
    expect(res).toMatchObject({ code: 2, signal: null, stdout: "" });
    expect(res.stderr).toMatch(/^iam-useruploadpolicy: policy file \/dev\/fd\/\d+ was not read to its end within --timeout 1 s\n$/);
    expect((await moto.iam.listUserPolicies({ UserName: "pat" })).PolicyNames).toEqual([]);
  });

  it("the first SIGINT ends a wait for a named pipe no one writes to", async () => {
    const path = fifo("policy.fifo");
    const run = start(process.execPath, [binPath("iam-useruploadpolicy"), "-u", "pat", "-p", "p", "-f", path, "-d"], { env: moto.env });
    await run.stderrLine(/debug: endpoint: /);
    run.child.kill("SIGINT");
    const res = await run.ended;
    expect(res).toMatchObject({ code: null, signal: "SIGINT", stdout: "" });
    expect(res.stderr.trimEnd().split("\n").at(-1)).toBe("iam-useruploadpolicy: interrupted by SIGINT; no further requests were sent");
  });
});
