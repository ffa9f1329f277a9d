import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { createAdmin, enforced, legacyKeyText, useMoto } from "./harness/moto.js";
import { binResult } from "./harness/run-bin.js";
import { runCli } from "./harness/run-cli.js";

/**
 * Where credentials come from and how credential files are read: the one grammar shared by
 * signing (--aws-credential-file, AWS_CREDENTIAL_FILE, ~/.iamrc) and by key rotation, ~/.iamrc
 * after the SDK chain, and a --profile that does not exist.
 */

const moto = useMoto();

const KEY = "AKIAIOSFODNN7EXAMPLE";
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(moto.dir, "case-"));
});

function write(name: string, content: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, content, { mode: 0o600 });
  return file;
}

/** A built bin as its own process: the SDK chain reads the process environment, as it does for users. */
const bin = (name: string, argv: string[], env: NodeJS.ProcessEnv) => binResult(name, argv, { env });

describe("one grammar for credential files, read alike to sign and to rotate", () => {
  const good = `AWSAccessKeyId=${KEY}\nAWSSecretKey=${SECRET}\n`;
  it.each([
    ["a repeated key", `${good}AWSAccessKeyId=AKIAOTHEROTHEROTHER1\n`, 'line 3: "AWSAccessKeyId" is already set on line 1; keep one'],
    ["a quoted value", `AWSAccessKeyId=${KEY}\nAWSSecretKey="${SECRET}"\n`, "line 2: quotes are not part of the value; write it without them"],
    ["a single-quoted value", `AWSAccessKeyId='${KEY}'\nAWSSecretKey=${SECRET}\n`, "line 1: quotes are not part of the value; write it without them"],
    ["an inline comment", `AWSAccessKeyId=${KEY} # prod\nAWSSecretKey=${SECRET}\n`, 'line 1: "#" after the value; comments go on lines of their own'],
    ["invalid UTF-8", Buffer.concat([Buffer.from(`# caf`), Buffer.from([0xe9]), Buffer.from(`\n${good}`)]), "line 1: not valid UTF-8"],
    ["a NUL byte", `AWSAccessKeyId=${KEY}\nAWSSecretKey=${SECRET}\0\n`, "line 2: a NUL byte; the file must be text"],
    ["more than 64 KiB", `# ${"x".repeat(64 * 1024)}\n${good}`, "is larger than 64 KiB; it cannot be a credential or config file"],
  ])("%s: refused the same way by both, naming file and line, never the value", async (_what, content, problem) => {
    await moto.iam.createUser({ UserName: "alice" });
    const file = write("alice.cred", content);
    const signing = await runCli("iam-userlistbypath", ["--aws-credential-file", file], { env: moto.env });
    expect(signing).toEqual({ code: 3, stdout: "", stderr: `iam-userlistbypath: credential file ${file} ${problem}\n` });
    const rotation = await runCli("iam-userrotatekey", ["-u", "alice", "--credential-file", file], { env: moto.env });
    expect(rotation).toEqual({ code: 3, stdout: "", stderr: `iam-userrotatekey: credential file ${file} ${problem}\n` });
    expect((await moto.iam.listAccessKeys({ UserName: "alice" })).AccessKeyMetadata).toEqual([]);
  });

  it("comments on their own lines, blank lines, spaces around = and CRLF are fine", async () => {
    const file = write("ok.cred", `# prod account\r\n\r\n  AWSAccessKeyId = ${KEY}\r\n\t# rotated yearly\r\nAWSSecretKey=${SECRET}\r\n`);
    expect(await runCli("iam-userlistbypath", ["--aws-credential-file", file], { env: moto.env })).toEqual({
      code: 0,
      stdout: "IsTruncated: false\n",
      stderr: "",
    });
  });

  it.each([
    ["a named pipe", () => {
      const fifo = join(dir, "pipe");
      expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
      return fifo;
    }, "is a named pipe, not a regular file"],
    ["a device that never ends", () => "/dev/zero", "is a device, not a regular file"],
  ])("refuses %s without opening it blocking or reading it whole", async (_what, make, problem) => {
    const file = make();
    expect(await runCli("iam-userlistbypath", [], { env: { ...moto.env, AWS_CREDENTIAL_FILE: file } })).toEqual({
      code: 3,
      stdout: "",
      stderr: `iam-userlistbypath: credential file ${file} ${problem}\n`,
    });
  });

  it("a profile's key lines follow the same rules when it is rotated", async () => {
    await moto.iam.createUser({ UserName: "alice" });
    const shared = write("credentials", `[alice]\nregion = eu-west-1\naws_access_key_id = ${KEY}\naws_secret_access_key = "${SECRET}"\n`);
    const res = await runCli("iam-userrotatekey", ["-u", "alice", "--profile", "alice"], {
      env: { ...moto.env, AWS_SHARED_CREDENTIALS_FILE: shared },
    });
    expect(res).toEqual({
      code: 3,
      stdout: "",
      stderr: `iam-userrotatekey: profile alice in ${shared}, line 4: quotes are not part of the value; write it without them\n`,
    });
    expect((await moto.iam.listAccessKeys({ UserName: "alice" })).AccessKeyMetadata).toEqual([]);
  });
});

describe("~/.iamrc and --profile", () => {
  /** moto's environment without any credential source: no legacy file, no shared files, no variables. */
  function bare(home: string): NodeJS.ProcessEnv {
    const { AWS_CREDENTIAL_FILE: _none, ...env } = moto.env;
    return { ...env, HOME: home, AWS_CONFIG_FILE: join(home, "no-config"), AWS_SHARED_CREDENTIALS_FILE: join(home, "no-credentials") };
  }


  it("signs with ~/.iamrc when the SDK chain finds nothing, and -d says so", async () => {
    const key = await createAdmin(moto);
    const iamrc = write(".iamrc", legacyKeyText(key));
    const res = await enforced(moto, () => bin("iam-userlistkeys", ["-u", "admin", "-d"], bare(dir)));
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(`${key.AccessKeyId}\nActive\nIsTruncated: false\n`);
    expect(res.stderr).toContain("iam-userlistkeys: debug: credentials: AWS SDK default credential chain\n");
    expect(res.stderr).toContain(`iam-userlistkeys: debug: credentials: credential file ${iamrc} (~/.iamrc: the AWS SDK chain found none)\n`);
    expect(res.stderr).not.toContain(key.SecretAccessKey);
  });

  it("the SDK chain wins over ~/.iamrc", async () => {
    const key = await createAdmin(moto);
    write(".iamrc", `AWSAccessKeyId=AKIANOTAKEYNOTAKEY01\nAWSSecretKey=${SECRET}\n`);
    const env = { ...bare(dir), AWS_ACCESS_KEY_ID: key.AccessKeyId, AWS_SECRET_ACCESS_KEY: key.SecretAccessKey };
    const res = await enforced(moto, () => bin("iam-userlistkeys", ["-u", "admin", "-d"], env));
    expect(res.code).toBe(0);
    expect(res.stderr).not.toContain(".iamrc");
  });

  it("a malformed ~/.iamrc is an error naming it and the line", async () => {
    const iamrc = write(".iamrc", `AWSAccessKeyId=${KEY}\nAWSSecretKey=${SECRET} # mine\n`);
    expect(await bin("iam-userlistbypath", [], bare(dir))).toEqual({
      code: 3,
      stdout: "",
      stderr: `iam-userlistbypath: credential file ${iamrc} line 2: "#" after the value; comments go on lines of their own\n`,
    });
  });

  it("without ~/.iamrc, no credentials at all is the usual error", async () => {
    expect(await bin("iam-userlistbypath", [], bare(dir))).toEqual({
      code: 3,
      stdout: "",
      stderr: "iam-userlistbypath: no AWS credentials found: use --aws-credential-file, AWS_CREDENTIAL_FILE, --profile or the standard AWS variables\n",
    });
  });

  it("--profile that does not exist names the profile and the files read; ~/.iamrc is not used for it", async () => {
    write(".iamrc", `AWSAccessKeyId=${KEY}\nAWSSecretKey=${SECRET}\n`);
    const credentials = write("credentials", `[default]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${SECRET}\n`);
    const env = { ...bare(dir), AWS_SHARED_CREDENTIALS_FILE: credentials };
    const missing = join(dir, "no-config");
    expect(await bin("iam-userlistbypath", ["--profile", "nosuch"], env)).toEqual({
      code: 3,
      stdout: "",
      stderr: `iam-userlistbypath: profile nosuch (--profile) not found: read ${credentials} and ${missing} (does not exist)\n`,
    });
    expect(await bin("iam-userlistbypath", [], { ...env, AWS_PROFILE: "nosuch" })).toEqual({
      code: 3,
      stdout: "",
      stderr: `iam-userlistbypath: profile nosuch (AWS_PROFILE) not found: read ${credentials} and ${missing} (does not exist)\n`,
    });
  });

  it("--profile found in the config file signs as usual", async () => {
    const key = await createAdmin(moto);
    const config = write("config", `[profile ops]\naws_access_key_id = ${key.AccessKeyId}\naws_secret_access_key = ${key.SecretAccessKey}\n`);
    const res = await enforced(moto, () => bin("iam-userlistkeys", ["-u", "admin", "--profile", "ops"], { ...bare(dir), AWS_CONFIG_FILE: config }));
    expect(res).toEqual({ code: 0, stdout: `${key.AccessKeyId}\nActive\nIsTruncated: false\n`, stderr: "" });
  });
});
