import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, readdirSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { ROOT, SECRET_LIKE, createAdmin, enforced, fileMode, legacyKeyText, useMoto } from "../harness/moto.js";
import { runCli } from "../harness/run-cli.js";

const moto = useMoto();
/**
 * A second, empty moto with auth enforced, used as the STS endpoint where verification must fail:
 * it knows none of the first server's keys and answers InvalidClientTokenId, exactly what AWS STS
 * answers for a key that has not reached it. The failure is real, not a stubbed response.
 */
const otherSts = useMoto();


let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(moto.dir, "case-"));
});

async function keysOf(userName: string) {
  return ((await moto.iam.listAccessKeys({ UserName: userName })).AccessKeyMetadata ?? []).map((k) => [k.AccessKeyId, k.Status]);
}

/** Creates `userName` with an allow-all policy and one key, written to `<dir>/<userName>.cred` after an optional comment. */
async function userWithKey(userName: string, comment = "") {
  const key = await createAdmin(moto, { userName });
  const file = join(dir, `${userName}.cred`);
  const text = `${comment}${legacyKeyText(key)}`;
  writeFileSync(file, text, { mode: 0o600 });
  return { id: key.AccessKeyId!, secret: key.SecretAccessKey!, file, text, env: { ...moto.env, AWS_CREDENTIAL_FILE: file } };
}

function legacyKey(file: string) {
  const text = readFileSync(file, "utf8");
  return { id: /AWSAccessKeyId=(\S+)/.exec(text)![1], secret: /AWSSecretKey=(\S+)/.exec(text)![1], text };
}

describe("iam-userrotatekey", () => {
  it("rotates the key of the credential file in use, with auth enforced: old Inactive, new Active and working", async () => {
    const david = await userWithKey("david", "# david's key for the backup job\n");
    const res = await enforced(moto, () => runCli("iam-userrotatekey", ["-u", "david"], { env: david.env }));
    const now = legacyKey(david.file);
    expect(res).toEqual({ code: 0, stdout: `old ${david.id} Inactive\nnew ${now.id} Active\n`, stderr: "" });
    expect(now.text).toBe(`# david's key for the backup job\nAWSAccessKeyId=${now.id}\nAWSSecretKey=${now.secret}\n`);
    expect(fileMode(david.file)).toBe(0o600);
    expect(await keysOf("david")).toEqual([
      [david.id, "Inactive"],
      [now.id, "Active"],
    ]);
    // moto checks the signature against the stored secret, so this proves the file's new secret.
    const listed = await enforced(moto, () => runCli("iam-userlistkeys", [], { env: david.env }));
    expect(listed).toEqual({ code: 0, stdout: `${david.id}\nInactive\n${now.id}\nActive\nIsTruncated: false\n`, stderr: "" });
  });

  it("--delete-old deletes the old key, which then no longer authenticates", async () => {
    const david = await userWithKey("david");
    const oldCopy = join(dir, "old.cred");
    writeFileSync(oldCopy, david.text, { mode: 0o600 });
    await enforced(moto, async () => {
      const res = await runCli("iam-userrotatekey", ["-u", "david", "--delete-old"], { env: david.env });
      expect(res).toEqual({ code: 0, stdout: `old ${david.id} Deleted\nnew ${legacyKey(david.file).id} Active\n`, stderr: "" });
      expect(await runCli("iam-userlistkeys", [], { env: { ...moto.env, AWS_CREDENTIAL_FILE: oldCopy } })).toEqual({
        code: 1,
        stdout: "",
        stderr:
          "iam-userlistkeys: error (InvalidClientTokenId): The security token included in the request is invalid.\n" +
          `iam-userlistkeys: the key used came from credential file ${oldCopy} (AWS_CREDENTIAL_FILE)\n`,
      });
    });
    expect(await keysOf("david")).toEqual([[legacyKey(david.file).id, "Active"]]);
  });

  it("rolls back when STS never accepts the new key: new key deleted, old key untouched, file restored byte for byte", async () => {
    const admin = await userWithKey("admin");
    const david = await userWithKey("david", "# keep me\n\n");
    chmodSync(david.file, 0o640);
    const env = { ...admin.env, AWS_ENDPOINT_URL_STS: otherSts.url };
    const argv = ["-u", "david", "--credential-file", david.file, "--wait-timeout", "1", "-d"];
    const res = await enforced(otherSts, () => enforced(moto, () => runCli("iam-userrotatekey", argv, { env })));
    expect(res.code).toBe(1);
    expect(res.stdout).toBe("");
    const lines = res.stderr.trimEnd().split("\n").filter((l) => !l.includes(": debug: "));
    const id = /new key (AKIA\w+)/.exec(lines[0])![1];
    expect(lines).toEqual([
      `iam-userrotatekey: error: the new key ${id} did not authenticate with STS within 1 s (last answer: InvalidClientTokenId)`,
      `iam-userrotatekey: rolled back: deleted the new key ${id}, restored credential file ${david.file}`,
    ]);
    expect(res.stderr).toContain(`iam-userrotatekey: debug: new key ${id} not accepted by STS yet (attempt 1)\n`);
    expect(res.stderr).not.toMatch(SECRET_LIKE);
    expect(await keysOf("david")).toEqual([[david.id, "Active"]]);
    expect(readFileSync(david.file, "utf8")).toBe(david.text);
    expect(fileMode(david.file)).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(["admin.cred", "david.cred"]);
  });

  it("rolls back when retiring the old key is denied, after the new key was verified", async () => {
    const adminFile = join(dir, "admin.cred");
    writeFileSync(adminFile, legacyKeyText(await createAdmin(moto, { denied: ["iam:UpdateAccessKey"] })), { mode: 0o600 });
    await moto.iam.createUser({ UserName: "david" });
    const old = (await moto.iam.createAccessKey({ UserName: "david" })).AccessKey!;
    const file = join(dir, "david.cred");
    const text = legacyKeyText(old);
    writeFileSync(file, text, { mode: 0o600 });
    const env = { ...moto.env, AWS_CREDENTIAL_FILE: adminFile };
    const res = await enforced(moto, () => runCli("iam-userrotatekey", ["-u", "david", "--credential-file", file], { env }));
    expect(res.code).toBe(1);
    const id = /deleted the new key (AKIA\w+)/.exec(res.stderr)![1];
    expect(res).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "iam-userrotatekey: error (AccessDenied): User: arn:aws:iam::123456789012:user/admin is not authorized to perform: iam:UpdateAccessKey\n" +
        `iam-userrotatekey: rolled back: deleted the new key ${id}, restored credential file ${file}\n`,
    });
    expect(await keysOf("david")).toEqual([[old.AccessKeyId, "Active"]]);
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  it("rotates a profile of the shared credentials file, changing only that profile's key lines", async () => {
    const admin = await userWithKey("admin");
    await moto.iam.createUser({ UserName: "david" });
    const old = (await moto.iam.createAccessKey({ UserName: "david" })).AccessKey!;
    const shared = join(dir, "credentials");
    const before = [
      "# team profiles",
      "[default]",
      "aws_access_key_id = AKIADEFAULTDEFAULT01",
      "aws_secret_access_key = default-secret",
      "",
      "[david]",
      "region = eu-west-1",
      `aws_access_key_id = ${old.AccessKeyId}`,
      `aws_secret_access_key = ${old.SecretAccessKey}`,
      "",
    ].join("\n");
    writeFileSync(shared, before, { mode: 0o600 });
    // The legacy file signs (admin); --profile names the credentials to rewrite.
    const env = { ...admin.env, AWS_SHARED_CREDENTIALS_FILE: shared };
    const res = await runCli("iam-userrotatekey", ["-u", "david", "--profile", "david"], { env });
    const after = readFileSync(shared, "utf8");
    const id = /\[david\]\nregion = eu-west-1\naws_access_key_id = (\S+)/.exec(after)![1];
    const secret = /\[david\][^[]*aws_secret_access_key = (\S+)/.exec(after)![1];
    expect(res).toEqual({ code: 0, stdout: `old ${old.AccessKeyId} Inactive\nnew ${id} Active\n`, stderr: "" });
    expect(after).toBe(before.replace(old.AccessKeyId!, id).replace(old.SecretAccessKey!, secret));
    expect(await keysOf("david")).toEqual([
      [old.AccessKeyId, "Inactive"],
      [id, "Active"],
    ]);
  });

  it("refuses a user who already has two keys, naming the one to delete", async () => {
    const david = await userWithKey("david");
    const spare = (await moto.iam.createAccessKey({ UserName: "david" })).AccessKey!.AccessKeyId!;
    expect(await runCli("iam-userrotatekey", ["-u", "david"], { env: david.env })).toEqual({
      code: 1,
      stdout: "",
      stderr:
        `iam-userrotatekey: error: user david already has two access keys; delete the one not in credential file ${david.file} first: ` +
        `iam-userdelkey -u david -k ${spare}\n`,
    });
    expect(await keysOf("david")).toEqual([
      [david.id, "Active"],
      [spare, "Active"],
    ]);
    expect(readFileSync(david.file, "utf8")).toBe(david.text);
  });

  it("refuses a file whose key belongs to someone else", async () => {
    const admin = await userWithKey("admin");
    const carol = await userWithKey("carol");
    await moto.iam.createUser({ UserName: "david" });
    expect(await runCli("iam-userrotatekey", ["-u", "david", "--credential-file", carol.file], { env: admin.env })).toEqual({
      code: 1,
      stdout: "",
      stderr: `iam-userrotatekey: error: the key in credential file ${carol.file} (${carol.id}) is not an access key of user david\n`,
    });
    expect(await keysOf("david")).toEqual([]);
    expect(await keysOf("carol")).toEqual([[carol.id, "Active"]]);
  });

  it("needs to be told which credentials to rotate when no IAMCli credential file is in use", async () => {
    const { AWS_CREDENTIAL_FILE: _none, ...env } = moto.env;
    await moto.iam.createUser({ UserName: "david" });
    expect(await runCli("iam-userrotatekey", ["-u", "david"], { env })).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-userrotatekey: no credentials named to rotate: give --credential-file FILE or --profile NAME\n",
    });
  });

  it("refuses a malformed credential file before sending anything", async () => {
    const admin = await userWithKey("admin");
    const bad = join(dir, "bad.cred");
    writeFileSync(bad, "AWSAccessKeyId=AKIAXXXXXXXXXXXXXXXX\nsecret without a key\n", { mode: 0o600 });
    expect(await runCli("iam-userrotatekey", ["-u", "admin", "--credential-file", bad], { env: admin.env })).toEqual({
      code: 3,
      stdout: "",
      stderr: `iam-userrotatekey: credential file ${bad} line 2: expected KEY=VALUE\n`,
    });
    expect(await keysOf("admin")).toEqual([[admin.id, "Active"]]);
  });

  it("refuses a credential file that is a symbolic link, naming it, before sending anything", async () => {
    const admin = await userWithKey("admin");
    const david = await userWithKey("david");
    const link = join(dir, "david-link.cred");
    symlinkSync(david.file, link);
    expect(await runCli("iam-userrotatekey", ["-u", "david", "--credential-file", link], { env: admin.env })).toEqual({
      code: 2,
      stdout: "",
      stderr: `iam-userrotatekey: ${link} is a symbolic link (to ${david.file}); iamkit does not write credentials through links: name the file itself\n`,
    });
    expect(readFileSync(david.file, "utf8")).toBe(david.text);
    expect(await keysOf("david")).toEqual([[david.id, "Active"]]);
  });

  it("refuses a profile whose key is set twice, naming both lines, before sending anything", async () => {
    const admin = await userWithKey("admin");
    const david = await userWithKey("david");
    const shared = join(dir, "credentials");
    const text = `[david]\naws_access_key_id = ${david.id}\naws_secret_access_key = ${david.secret}\nAWS_Access_Key_Id = AKIAOTHEROTHEROTHER1\n`;
    writeFileSync(shared, text, { mode: 0o600 });
    const res = await runCli("iam-userrotatekey", ["-u", "david", "--profile", "david"], { env: { ...admin.env, AWS_SHARED_CREDENTIALS_FILE: shared } });
    expect(res).toEqual({
      code: 3,
      stdout: "",
      stderr: `iam-userrotatekey: profile david in ${shared}, line 4: "AWS_Access_Key_Id" is already set on line 2; keep one\n`,
    });
    expect(readFileSync(shared, "utf8")).toBe(text);
    expect(await keysOf("david")).toEqual([[david.id, "Active"]]);
  });

  it("refuses a --wait-timeout that is not a whole number", async () => {
    const david = await userWithKey("david");
    expect(await runCli("iam-userrotatekey", ["-u", "david", "--wait-timeout", "-1"], { env: david.env })).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-userrotatekey: --wait-timeout must be a whole number from 0 to 3600, not "-1"\n',
    });
    expect(await keysOf("david")).toEqual([[david.id, "Active"]]);
  });

  it("prints no secret on stderr with -d, old or new", async () => {
    const david = await userWithKey("david");
    const res = await runCli("iam-userrotatekey", ["-u", "david", "-d"], { env: david.env });
    expect(res.code).toBe(0);
    expect(res.stderr).toContain(`iam-userrotatekey: debug: rotating the key ${david.id} held in credential file ${david.file}\n`);
    expect(res.stderr).not.toContain(david.secret);
    expect(res.stderr).not.toContain(legacyKey(david.file).secret);
    expect(res.stderr).not.toMatch(SECRET_LIKE);
  });

  it("--json reports the ids and the file, never a secret", async () => {
    const david = await userWithKey("david");
    const res = await runCli("iam-userrotatekey", ["-u", "david", "--json"], { env: david.env });
    const now = legacyKey(david.file);
    expect(JSON.parse(res.stdout)).toEqual({
      UserName: "david",
      CredentialFile: david.file,
      OldAccessKey: { AccessKeyId: david.id, Status: "Inactive" },
      NewAccessKey: { AccessKeyId: now.id, Status: "Active", CreateDate: expect.any(String) },
    });
    expect(res.stdout).not.toContain(now.secret);
  });

  it("a crash between writing the temporary file and renaming it leaves the original file intact", async () => {
    const david = await userWithKey("david", "# original\n");
    // A real process really dies (SIGKILL: no finally blocks, no clean-up) at the moment rename()
    // is called to put the fully written, fsynced temporary file in place of the credential file.
    const preload = join(dir, "die-on-rename.mjs");
    writeFileSync(
      preload,
      [
        'import fsp from "node:fs/promises";',
        'import { syncBuiltinESMExports } from "node:module";',
        "const rename = fsp.rename;",
        "fsp.rename = async (from, to) => {",
        '  if (to === process.env.DIE_ON_RENAME_TO) process.kill(process.pid, "SIGKILL");',
        "  return rename(from, to);",
        "};",
        "syncBuiltinESMExports();",
      ].join("\n"),
    );
    const main = join(dir, "main.mjs");
    writeFileSync(
      main,
      `import { runByName, processIo } from ${JSON.stringify(join(ROOT, "dist/cli/main.js"))};\n` +
        "process.exitCode = await runByName(process.argv[2], process.argv.slice(3), processIo());\n",
    );
    const child = spawnSync(process.execPath, ["--import", preload, main, "iam-userrotatekey", "-u", "david"], {
      env: { ...david.env, DIE_ON_RENAME_TO: realpathSync(david.file) },
      encoding: "utf8",
    });
    expect(child.signal).toBe("SIGKILL");
    expect(readFileSync(david.file, "utf8")).toBe(david.text);
    expect(fileMode(david.file)).toBe(0o600);
    // The temporary file beside it holds the new key, readable by the owner only.
    const strays = readdirSync(dir).filter((name) => name.startsWith(".david.cred.iamkit-"));
    expect(strays).toHaveLength(1);
    expect(fileMode(join(dir, strays[0]))).toBe(0o600);
    const stray = legacyKey(join(dir, strays[0]));
    expect(stray.text).toBe(`# original\nAWSAccessKeyId=${stray.id}\nAWSSecretKey=${stray.secret}\n`);
    // The old key was not touched: the crash came before verification and deactivation.
    expect(await keysOf("david")).toEqual([
      [david.id, "Active"],
      [stray.id, "Active"],
    ]);
    // A rerun refuses, naming the orphaned new key as the one to delete.
    const rerun = await runCli("iam-userrotatekey", ["-u", "david"], { env: david.env });
    expect(rerun.stderr).toContain(`iam-userdelkey -u david -k ${stray.id}`);
  });
});
