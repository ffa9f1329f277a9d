import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SECRET_LIKE, createAdmin, enforced, fileMode, legacyKeyText, useMoto, type Moto } from "../harness/moto.js";
import { runBin } from "../harness/run-bin.js";
import { runCli } from "../harness/run-cli.js";
import { startLoopbackProxy } from "../support/loopback-proxy.mjs";
import { withLegacyKeys, withProfileKeys, heldKey } from "../../dist/iam/credential-files.js";
import { backoffDelay, pollWithBackoff } from "../../dist/iam/polling.js";

const moto = useMoto();
/**
 * A second, empty moto with auth enforced, used as the STS endpoint where a test needs STS to
 * refuse the new key: it answers InvalidClientTokenId for every key, as AWS STS does for a key
 * that has not reached it yet. Nothing about the answer is faked.
 */
const otherSts = useMoto();

const KEY_ID = /^AKIA[A-Z0-9]{16}$/;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(moto.dir, "case-"));
});

async function keysOf(userName: string) {
  return (await moto.iam.listAccessKeys({ UserName: userName })).AccessKeyMetadata ?? [];
}

/** An admin user whose key signs the commands, so that the tests can turn auth enforcement on. */
async function adminEnv(): Promise<NodeJS.ProcessEnv> {
  const file = join(dir, "admin-key");
  writeFileSync(file, legacyKeyText(await createAdmin(moto)), { mode: 0o600 });
  return { ...moto.env, AWS_CREDENTIAL_FILE: file };
}

function parseLegacy(path: string) {
  const match = /^AWSAccessKeyId=(\S+)\nAWSSecretKey=(\S+)\n$/.exec(readFileSync(path, "utf8"));
  if (!match) throw new Error(`not a legacy credential file: ${path}`);
  return { id: match[1], secret: match[2] };
}

describe("iam-useraddkey --write-credential-file", () => {
  it("writes the key 0600 in a new 0700 directory, prints only its id, and the file signs requests", async () => {
    await moto.iam.createUser({ UserName: "david" });
    await moto.iam.putUserPolicy({
      UserName: "david",
      PolicyName: "keys",
      PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "iam:*AccessKey*", Resource: "*" }] }),
    });
    const file = join(dir, "keys", "david.cred");
    const res = await runCli("iam-useraddkey", ["-u", "david", "--write-credential-file", file], { env: moto.env });
    const written = parseLegacy(file);
    expect(res).toEqual({ code: 0, stdout: `${written.id}\n`, stderr: "" });
    expect(written.id).toMatch(KEY_ID);
    expect(fileMode(file)).toBe(0o600);
    expect(fileMode(join(dir, "keys"))).toBe(0o700);
    expect((await keysOf("david")).map((k) => k.AccessKeyId)).toEqual([written.id]);
    // No temporary file is left beside it.
    expect(readdirSync(join(dir, "keys"))).toEqual(["david.cred"]);

    // Moto checks the signature against the stored secret: the file holds the real one.
    const listed = await enforced(moto, () => runCli("iam-userlistkeys", [], { env: { ...moto.env, AWS_CREDENTIAL_FILE: file } }));
    expect(listed).toEqual({ code: 0, stdout: `${written.id}\nActive\nIsTruncated: false\n`, stderr: "" });
  });

  it("a relative path is resolved against the working directory", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const res = await runCli("iam-useraddkey", ["-u", "david", "--write-credential-file", "david.cred"], { env: moto.env, cwd: dir });
    expect(res.code).toBe(0);
    expect(parseLegacy(join(dir, "david.cred")).id).toBe(res.stdout.trim());
  });

  it("refuses a file that already holds credentials without --force, before creating a key", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const file = join(dir, "david.cred");
    const before = "AWSAccessKeyId=AKIAOLDOLDOLDOLDOLD1\nAWSSecretKey=old\n";
    writeFileSync(file, before, { mode: 0o600 });
    expect(await runCli("iam-useraddkey", ["-u", "david", "--write-credential-file", file], { env: moto.env })).toEqual({
      code: 2,
      stdout: "",
      stderr: `iam-useraddkey: credential file ${file} already holds credentials; --force replaces them\n`,
    });
    expect(readFileSync(file, "utf8")).toBe(before);
    expect(await keysOf("david")).toEqual([]);
  });

  it("writes into an empty file without --force (one made beforehand with touch and chmod)", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const file = join(dir, "david.cred");
    writeFileSync(file, "", { mode: 0o600 });
    const res = await runCli("iam-useraddkey", ["-u", "david", "--write-credential-file", file], { env: moto.env });
    expect(res.code).toBe(0);
    expect(parseLegacy(file).id).toBe(res.stdout.trim());
  });

  it("--force replaces the key lines, keeps the comments, and tightens the mode to 0600", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const file = join(dir, "david.cred");
    writeFileSync(file, "# backup job\nAWSAccessKeyId=AKIAOLDOLDOLDOLDOLD1\n# rotated yearly\nAWSSecretKey=old\n", { mode: 0o644 });
    const res = await runCli("iam-useraddkey", ["-u", "david", "--write-credential-file", file, "--force"], { env: moto.env });
    expect(res.code).toBe(0);
    const id = res.stdout.trim();
    const secret = /AWSSecretKey=(\S+)/.exec(readFileSync(file, "utf8"))![1];
    expect(readFileSync(file, "utf8")).toBe(`# backup job\nAWSAccessKeyId=${id}\n# rotated yearly\nAWSSecretKey=${secret}\n`);
    expect(secret).toMatch(/^[A-Za-z0-9/+]{40}$/);
    expect(fileMode(file)).toBe(0o600);
  });

  it("refuses a location it cannot write before creating a key", async () => {
    await moto.iam.createUser({ UserName: "david" });
    writeFileSync(join(dir, "plain"), "not a directory\n");
    const file = join(dir, "plain", "david.cred");
    expect(await runCli("iam-useraddkey", ["-u", "david", "--write-credential-file", file], { env: moto.env })).toEqual({
      code: 2,
      stdout: "",
      stderr: `iam-useraddkey: cannot use credential file ${file}: a parent is not a directory\n`,
    });
    expect(await keysOf("david")).toEqual([]);
  });

  it("--json leaves the secret out once it is in the file", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const file = join(dir, "david.cred");
    const res = await runCli("iam-useraddkey", ["-u", "david", "--write-credential-file", file, "--json"], { env: moto.env });
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout);
    expect(doc.AccessKey).toEqual({ UserName: "david", AccessKeyId: parseLegacy(file).id, Status: "Active", CreateDate: expect.any(String) });
    expect(res.stdout).not.toContain(parseLegacy(file).secret);
  });
});

describe("iam-useraddkey --write-profile", () => {
  const SHARED = [
    "# written by hand",
    "[default]",
    "aws_access_key_id = AKIADEFAULTDEFAULT01",
    "aws_secret_access_key = default-secret",
    "",
    "; the deploy profile",
    "[deploy]",
    "region = eu-west-1",
    "aws_access_key_id=AKIADEPLOYDEPLOYDEP1",
    "aws_session_token = old-session",
    "aws_secret_access_key=deploy-secret",
    "output = json",
    "",
    "[dev.eu]",
    "aws_access_key_id = AKIADEVEUDEVEUDEVEU1",
    "aws_secret_access_key = deveu-secret",
    "",
  ].join("\n");

  function sharedFile(): string {
    const file = join(dir, "shared-credentials");
    writeFileSync(file, SHARED, { mode: 0o600 });
    return file;
  }

  it("adds a new profile at the end and leaves every other byte alone", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const file = sharedFile();
    const env = { ...moto.env, AWS_SHARED_CREDENTIALS_FILE: file };
    const res = await runCli("iam-useraddkey", ["-u", "david", "--write-profile", "david"], { env });
    expect(res.code).toBe(0);
    expect(res.stderr).toBe("");
    const id = res.stdout.trim();
    const text = readFileSync(file, "utf8");
    const secret = /\[david\]\naws_access_key_id = \S+\naws_secret_access_key = (\S+)\n$/.exec(text)![1];
    expect(text).toBe(`${SHARED}\n[david]\naws_access_key_id = ${id}\naws_secret_access_key = ${secret}\n`);
    expect((await keysOf("david")).map((k) => k.AccessKeyId)).toEqual([id]);
    expect(fileMode(file)).toBe(0o600);
  });

  it("refuses a profile that holds a key without --force", async () => {
    await moto.iam.createUser({ UserName: "deployer" });
    const file = sharedFile();
    const env = { ...moto.env, AWS_SHARED_CREDENTIALS_FILE: file };
    expect(await runCli("iam-useraddkey", ["-u", "deployer", "--write-profile", "dev.eu"], { env })).toEqual({
      code: 2,
      stdout: "",
      stderr: `iam-useraddkey: profile dev.eu in ${file} already holds credentials; --force replaces them\n`,
    });
    expect(readFileSync(file, "utf8")).toBe(SHARED);
    expect(await keysOf("deployer")).toEqual([]);
  });

  it("--force replaces the key in place, keeps the profile's other settings, drops its stale session token", async () => {
    await moto.iam.createUser({ UserName: "deployer" });
    const file = sharedFile();
    const env = { ...moto.env, AWS_SHARED_CREDENTIALS_FILE: file };
    const res = await runCli("iam-useraddkey", ["-u", "deployer", "--write-profile", "deploy", "--force"], { env });
    expect(res.code).toBe(0);
    const id = res.stdout.trim();
    const text = readFileSync(file, "utf8");
    const secret = /\[deploy\][^[]*aws_secret_access_key=(\S+)/.exec(text)![1];
    expect(text).toBe(
      SHARED.replace("aws_access_key_id=AKIADEPLOYDEPLOYDEP1", `aws_access_key_id=${id}`)
        .replace("aws_session_token = old-session\n", "")
        .replace("aws_secret_access_key=deploy-secret", `aws_secret_access_key=${secret}`),
    );
  });

  it("defaults to ~/.aws/credentials, creating ~/.aws 0700 and the file 0600", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const env = { ...moto.env, HOME: dir };
    const res = await runCli("iam-useraddkey", ["-u", "david", "--write-profile", "david"], { env });
    expect(res.code).toBe(0);
    expect(fileMode(join(dir, ".aws"))).toBe(0o700);
    expect(fileMode(join(dir, ".aws", "credentials"))).toBe(0o600);
    expect(readFileSync(join(dir, ".aws", "credentials"), "utf8")).toMatch(
      new RegExp(`^\\[david\\]\\naws_access_key_id = ${res.stdout.trim()}\\naws_secret_access_key = [A-Za-z0-9/+]{40}\\n$`),
    );
  });

  it("refuses a profile name that could break the file", async () => {
    expect(await runCli("iam-useraddkey", ["-u", "david", "--write-profile", "a]b"], { env: moto.env })).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-useraddkey: invalid profile name "a]b": use 1 to 128 letters, digits and _ . @ + = , : / -\n',
    });
  });
});

describe("credential files that are not plain files of this user's", () => {
  it("refuses a symbolic link, even with --force, naming it, before creating a key", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const real = join(dir, "real.cred");
    const before = "AWSAccessKeyId=AKIAOLDOLDOLDOLDOLD1\nAWSSecretKey=old\n";
    writeFileSync(real, before, { mode: 0o644 });
    const link = join(dir, "link.cred");
    symlinkSync(real, link);
    const refusal = `is a symbolic link (to ${real}); iamkit does not write credentials through links: name the file itself\n`;
    expect(await runCli("iam-useraddkey", ["-u", "david", "--write-credential-file", link, "--force"], { env: moto.env })).toEqual({
      code: 2,
      stdout: "",
      stderr: `iam-useraddkey: ${link} ${refusal}`,
    });
    const env = { ...moto.env, AWS_SHARED_CREDENTIALS_FILE: link };
    expect(await runCli("iam-useraddkey", ["-u", "david", "--write-profile", "david", "--force"], { env })).toEqual({
      code: 2,
      stdout: "",
      stderr: `iam-useraddkey: ${link} ${refusal}`,
    });
    expect(readFileSync(real, "utf8")).toBe(before);
    expect(fileMode(real)).toBe(0o644);
    expect(await keysOf("david")).toEqual([]);
  });

  it("refuses a named pipe without opening it, before creating a key", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const fifo = join(dir, "pipe.cred");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    // Opening a pipe for reading blocks until a writer comes: a hang would time the test out.
    expect(await runCli("iam-useraddkey", ["-u", "david", "--write-credential-file", fifo, "--force"], { env: moto.env })).toEqual({
      code: 3,
      stdout: "",
      stderr: `iam-useraddkey: credential file ${fifo} is a named pipe, not a regular file\n`,
    });
    expect(await keysOf("david")).toEqual([]);
  });

  it("warns when others could replace the file: a directory writable by group or others", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const shared = join(dir, "shared");
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    const file = join(shared, "david.cred");
    const res = await runCli("iam-useraddkey", ["-u", "david", "--write-credential-file", file], { env: moto.env });
    expect(res.code).toBe(0);
    expect(res.stderr).toBe(
      `iam-useraddkey: warning: directory ${shared} is writable by group or others, who could replace the credential file; run: chmod go-w ${shared}\n`,
    );
    expect(parseLegacy(file).id).toBe(res.stdout.trim());
  });
});

/**
 * Owners and full disks: only root can give a file to another user or mount a small file system,
 * and these tests may run as root. Elsewhere these cases are left out rather than faked.
 */
const AS_ROOT = process.getuid?.() === 0;
describe.runIf(AS_ROOT)("as root", () => {
  it("--force keeps the file's owner and group, and a mode no looser than before", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const home = join(dir, "home");
    mkdirSync(home);
    chownSync(home, 1234, 1234);
    chmodSync(home, 0o755);
    const file = join(home, "david.cred");
    writeFileSync(file, "# david's\nAWSAccessKeyId=AKIAOLDOLDOLDOLDOLD1\nAWSSecretKey=old\n", { mode: 0o640 });
    chownSync(file, 1234, 1234);
    const res = await runCli("iam-useraddkey", ["-u", "david", "--write-credential-file", file, "--force"], { env: moto.env });
    expect(res.code).toBe(0);
    expect(res.stderr).toBe(`iam-useraddkey: warning: directory ${home} belongs to uid 1234, not to you (uid 0)\n`);
    const info = statSync(file);
    expect([info.uid, info.gid, info.mode & 0o777]).toEqual([1234, 1234, 0o600]);
    expect(readFileSync(file, "utf8")).toMatch(new RegExp(`^# david's\\nAWSAccessKeyId=${res.stdout.trim()}\\nAWSSecretKey=[A-Za-z0-9/+]{40}\\n$`));

    // A file stricter than 0600 stays as strict.
    chmodSync(file, 0o400);
    const again = await runCli("iam-useraddkey", ["-u", "david", "--write-credential-file", file, "--force"], { env: moto.env });
    expect(again.code).toBe(0);
    expect([statSync(file).uid, statSync(file).gid, fileMode(file)]).toEqual([1234, 1234, 0o400]);
  });

  it("a full disk: the key is deleted again, and no file that never existed is said to be restored", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const small = join(dir, "small");
    mkdirSync(small);
    expect(spawnSync("mount", ["-t", "tmpfs", "-o", "size=8k,mode=0700", "tmpfs", small]).status).toBe(0);
    try {
      // Fill it: the temporary file gets an inode, then no block for the key.
      spawnSync("dd", ["if=/dev/zero", `of=${join(small, "filler")}`, "bs=1k", "count=64"]);
      const file = join(small, "david.cred");
      const res = await runCli("iam-useraddkey", ["-u", "david", "--write-credential-file", file], { env: moto.env });
      const id = /deleted the new key (AKIA\w+)/.exec(res.stderr)?.[1];
      expect(res).toEqual({
        code: 1,
        stdout: "",
        stderr: `iam-useraddkey: error: cannot write credential file ${file}: no space left on device\niam-useraddkey: rolled back: deleted the new key ${id}\n`,
      });
      expect(await keysOf("david")).toEqual([]);
      expect(readdirSync(small)).toEqual(["filler"]);
    } finally {
      spawnSync("umount", [small]);
    }
  });
});

describe("concurrent writers of one shared credentials file", () => {
  const RUNS = 10;
  const users = Array.from({ length: RUNS }, (_, i) => `user${i}`);

  async function race(profileOf: (user: string) => string) {
    for (const user of users) await moto.iam.createUser({ UserName: user });
    const file = join(dir, "credentials");
    writeFileSync(file, "[default]\naws_access_key_id = AKIADEFAULTDEFAULT01\naws_secret_access_key = default-secret\n", { mode: 0o600 });
    const env = { ...moto.env, AWS_SHARED_CREDENTIALS_FILE: file };
    const runs = await Promise.all(users.map((user) => runBin("iam-useraddkey", ["-u", user, "--write-profile", profileOf(user)], { env })));
    const text = readFileSync(file, "utf8");
    const keys = await Promise.all(users.map(async (user) => (await keysOf(user)).map((k) => k.AccessKeyId)));
    return { runs, text, keys };
  }

  it(`${RUNS} runs writing ${RUNS} profiles at once: every run exits 0 and every key is in the file`, async () => {
    const { runs, text, keys } = await race((user) => user);
    expect(runs.map((r) => [r.code, r.stderr])).toEqual(users.map(() => [0, ""]));
    users.forEach((user, i) => {
      expect(keys[i]).toEqual([runs[i].stdout.trim()]);
      expect(heldKey(text, { file: "credentials", profile: user })).toEqual({ accessKeyId: keys[i][0], hasSecret: true });
    });
    expect(heldKey(text, { file: "credentials", profile: "default" })).toEqual({ accessKeyId: "AKIADEFAULTDEFAULT01", hasSecret: true });
    expect(readdirSync(dir)).toEqual(["credentials"]);
  });

  it(`${RUNS} runs writing one profile at once: one wins, every other run fails and leaves no key behind`, async () => {
    const { runs, text, keys } = await race(() => "shared");
    const winners = runs.flatMap((r, i) => (r.code === 0 ? [i] : []));
    expect(winners).toHaveLength(1);
    const [winner] = winners;
    expect(heldKey(text, { file: "credentials", profile: "shared" })).toEqual({ accessKeyId: runs[winner].stdout.trim(), hasSecret: true });
    users.forEach((_user, i) => expect(keys[i]).toEqual(i === winner ? [runs[winner].stdout.trim()] : []));
    for (const [i, run] of runs.entries()) {
      if (i === winner) continue;
      // Refused before creating a key, or created one and deleted it again when the profile was taken.
      expect(run.stderr).toMatch(/already holds credentials; --force replaces them\n$|was changed by another program while iamkit was running; it was left as it is\n.*rolled back: deleted the new key AKIA\w+\n$/s);
    }
    expect(readdirSync(dir)).toEqual(["credentials"]);
  });
});

describe("a run that fails after another run wrote the same file", () => {
  it("takes back only its own profile and keeps the other run's", async () => {
    const env = { ...(await adminEnv()), AWS_ENDPOINT_URL_STS: otherSts.url };
    await moto.iam.createUser({ UserName: "ann" });
    await moto.iam.createUser({ UserName: "bob" });
    const file = join(dir, "credentials");
    const before = "[default]\naws_access_key_id = AKIADEFAULTDEFAULT01\naws_secret_access_key = default-secret\n";
    writeFileSync(file, before, { mode: 0o600 });
    const shared = { ...env, AWS_SHARED_CREDENTIALS_FILE: file };
    const [ann, bob] = await enforced(otherSts, () =>
        enforced(moto, async () => {
          // ann's run writes her profile, then waits for an STS that never accepts her key.
          const annRun = runBin("iam-useraddkey", ["-u", "ann", "--write-profile", "ann", "--wait", "--wait-timeout", "3"], { env: shared });
          while (!readFileSync(file, "utf8").includes("[ann]")) await new Promise((r) => setTimeout(r, 20));
          const bobRun = await runBin("iam-useraddkey", ["-u", "bob", "--write-profile", "bob"], { env: shared });
          return [await annRun, bobRun];
        }),
    );
    expect(bob.code).toBe(0);
    const bobId = bob.stdout.trim();
    const annId = /deleted the new key (AKIA\w+)/.exec(ann.stderr)?.[1];
    expect(ann.code).toBe(1);
    expect(ann.stderr).toContain(`rolled back: deleted the new key ${annId}, restored profile ann in ${file}\n`);
    const text = readFileSync(file, "utf8");
    const bobSecret = /aws_secret_access_key = ([A-Za-z0-9/+]{40})/.exec(text)?.[1];
    expect(text).toBe(`${before}\n[bob]\naws_access_key_id = ${bobId}\naws_secret_access_key = ${bobSecret}\n`);
    expect((await keysOf("ann")).map((k) => k.AccessKeyId)).toEqual([]);
    expect((await keysOf("bob")).map((k) => k.AccessKeyId)).toEqual([bobId]);
  });
});

describe("a lock left behind", () => {
  it.each([
    ["by a process that is gone", () => `${spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout} ${hostname()} x\n`, 0],
    ["on another host, over 30 s ago", () => `${process.pid} elsewhere.example x\n`, 60],
  ])("%s is stale: the run removes it and writes the key", async (_what, content, ageSeconds) => {
    await moto.iam.createUser({ UserName: "david" });
    const file = join(dir, "credentials");
    writeFileSync(`${file}.lock`, content());
    const then = Date.now() / 1000 - ageSeconds;
    utimesSync(`${file}.lock`, then, then);
    const res = await runCli("iam-useraddkey", ["-u", "david", "--write-profile", "david"], { env: { ...moto.env, AWS_SHARED_CREDENTIALS_FILE: file } });
    expect(res).toEqual({ code: 0, stdout: expect.stringMatching(/^AKIA[A-Z0-9]{16}\n$/), stderr: "" });
    expect(heldKey(readFileSync(file, "utf8"), { file, profile: "david" })?.accessKeyId).toBe(res.stdout.trim());
    expect(readdirSync(dir)).toEqual(["credentials"]);
  });
});

describe("a stale lock and six runs at once", () => {
  const RUNS = 6;
  const ROUNDS = 4;

  it(`one run at a time breaks it and writes: every run exits 0 with its key in the file (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      // IAM allows two keys per user: new users each round.
      const users = Array.from({ length: RUNS }, (_, i) => `w${round}-${i}`);
      for (const user of users) await moto.iam.createUser({ UserName: user });
      const file = join(dir, `credentials${round}`);
      writeFileSync(file, "", { mode: 0o600 });
      // Left by a writer killed with -9: its process is gone.
      const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
      writeFileSync(`${file}.lock`, `${dead} ${hostname()} x\n`);
      const env = { ...moto.env, AWS_SHARED_CREDENTIALS_FILE: file };
      const runs = await Promise.all(users.map((user) => runBin("iam-useraddkey", ["-u", user, "--write-profile", user], { env })));
      expect(runs.map((r) => [r.code, r.stderr])).toEqual(users.map(() => [0, ""]));
      const text = readFileSync(file, "utf8");
      users.forEach((user, i) => expect(heldKey(text, { file, profile: user })).toEqual({ accessKeyId: runs[i].stdout.trim(), hasSecret: true }));
    }
  }, 120_000);
});

describe("iam-usercreate -k with a credential file", () => {
  it("-v still prints the ARN and id, but no secret", async () => {
    const file = join(dir, "david.cred");
    const res = await runCli("iam-usercreate", ["-u", "david", "-k", "-v", "--write-credential-file", file], { env: moto.env });
    const { User } = await moto.iam.getUser({ UserName: "david" });
    expect(res).toEqual({ code: 0, stdout: `${parseLegacy(file).id}\n${User!.Arn}\n${User!.UserId}\n`, stderr: "" });
  });

  it("checks the file before creating the user", async () => {
    const file = join(dir, "taken.cred");
    writeFileSync(file, "AWSAccessKeyId=AKIAOLDOLDOLDOLDOLD1\nAWSSecretKey=old\n", { mode: 0o600 });
    expect(await runCli("iam-usercreate", ["-u", "david", "-k", "--write-credential-file", file], { env: moto.env })).toEqual({
      code: 2,
      stdout: "",
      stderr: `iam-usercreate: credential file ${file} already holds credentials; --force replaces them\n`,
    });
    expect((await moto.iam.listUsers({})).Users).toEqual([]);
  });

  it.each([
    [["--write-profile", "david"], "--write-profile needs -k: without it no access key is created"],
    [["--wait"], "--wait needs -k: without it no access key is created"],
    [["-k", "--force"], "--force only applies with --write-credential-file or --write-profile"],
    [["-k", "--wait-timeout", "5"], "--wait-timeout only applies with --wait"],
    [["-k", "--write-profile", "a", "--write-credential-file", "f"], "give --write-credential-file or --write-profile, not both"],
    [["-k", "--wait", "--wait-timeout", "soon"], '--wait-timeout must be a whole number from 0 to 3600, not "soon"'],
  ])("refuses %j before sending anything", async (argv, message) => {
    expect(await runCli("iam-usercreate", ["-u", "david", ...argv], { env: moto.env })).toEqual({
      code: 2,
      stdout: "",
      stderr: `iam-usercreate: ${message}\n`,
    });
    expect((await moto.iam.listUsers({})).Users).toEqual([]);
  });
});

/**
 * An STS endpoint that has not learned new keys yet: it answers the first `lag` GetCallerIdentity
 * requests with the InvalidClientTokenId error AWS STS gives for an unknown key (moto's auth error
 * envelope, byte for byte in shape), then forwards everything to moto. This stands in for the
 * seconds IAM takes to propagate a key, which moto does not model.
 */
function useLaggingSts(upstream: Moto) {
  let proxy: Awaited<ReturnType<typeof startLoopbackProxy>>;
  const state = { url: "", lag: 0, refused: 0 };
  beforeAll(async () => {
    proxy = await startLoopbackProxy({
      upstream: upstream.url,
      decide: ({ params }) => {
        if (params.Action !== "GetCallerIdentity" || state.refused >= state.lag) return undefined;
        state.refused++;
        return {
          status: 403,
          body:
            '<?xml version="1.0" encoding="UTF-8"?><ErrorResponse><Errors><Error><Code>InvalidClientTokenId</Code>' +
            "<Message>The security token included in the request is invalid.</Message><Type>Sender</Type></Error></Errors></ErrorResponse>",
        };
      },
    });
    state.url = proxy.url;
  });
  beforeEach(() => {
    state.refused = 0;
  });
  afterAll(() => proxy.close());
  return state;
}

const lagging = useLaggingSts(moto);

describe("--wait", () => {
  it("keeps asking STS until the new key is accepted, and says so with -d without printing the secret", async () => {
    const env = { ...(await adminEnv()), AWS_ENDPOINT_URL_STS: lagging.url };
    await moto.iam.createUser({ UserName: "david" });
    lagging.lag = 2;
    const file = join(dir, "david.cred");
    const res = await enforced(moto, () => runCli("iam-useraddkey", ["-u", "david", "--write-credential-file", file, "--wait", "-d"], { env }));
    const { id, secret } = parseLegacy(file);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(`${id}\n`);
    expect(lagging.refused).toBe(2);
    const debug = res.stderr.split("\n").filter((l) => /not accepted|authenticates as|STS endpoint/.test(l));
    expect(debug).toEqual([
      `iam-useraddkey: debug: STS endpoint: ${lagging.url} (AWS_ENDPOINT_URL_STS)`,
      `iam-useraddkey: debug: new key ${id} not accepted by STS yet (attempt 1)`,
      `iam-useraddkey: debug: new key ${id} not accepted by STS yet (attempt 2)`,
      `iam-useraddkey: debug: new key ${id} authenticates as arn:aws:iam::123456789012:user/david`,
    ]);
    expect(res.stderr).not.toContain(secret);
    expect(res.stderr).not.toMatch(SECRET_LIKE);
  });

  it("without a file prints id and secret only after STS accepted the key", async () => {
    await moto.iam.createUser({ UserName: "david" });
    const res = await runCli("iam-useraddkey", ["-u", "david", "--wait"], { env: moto.env });
    expect(res.code).toBe(0);
    const [id] = (await keysOf("david")).map((k) => k.AccessKeyId);
    expect(res.stdout).toMatch(new RegExp(`^${id}\\n[A-Za-z0-9/+]{40}\\n$`));
  });

  it("gives up at --wait-timeout: the key is deleted again and the file is not left behind", async () => {
    const env = { ...(await adminEnv()), AWS_ENDPOINT_URL_STS: otherSts.url };
    await moto.iam.createUser({ UserName: "david" });
    const file = join(dir, "david.cred");
    const res = await enforced(otherSts, () => enforced(moto, () => runCli("iam-useraddkey", ["-u", "david", "--write-credential-file", file, "--wait", "--wait-timeout", "1"], { env })));
    expect(res.code).toBe(1);
    expect(res.stdout).toBe("");
    const lines = res.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    const id = /new key (AKIA\w+)/.exec(lines[0])![1];
    expect(lines).toEqual([
      `iam-useraddkey: error: the new key ${id} did not authenticate with STS within 1 s (last answer: InvalidClientTokenId)`,
      `iam-useraddkey: rolled back: deleted the new key ${id}, restored credential file ${file}`,
    ]);
    expect(res.stderr).not.toMatch(SECRET_LIKE);
    expect(await keysOf("david")).toEqual([]);
    expect(readdirSync(dir)).toEqual(["admin-key"]);
  });

  describe("a new key that cannot be deleted again keeps its secret, with a warning (exit 1)", () => {
    /** Signing as an admin whom IAM refuses DeleteAccessKey, with an STS that never accepts the new key. */
    async function refusedDelete(argv: string[]) {
      const file = join(dir, "admin-key");
      writeFileSync(file, legacyKeyText(await createAdmin(moto, { denied: ["iam:DeleteAccessKey"] })), { mode: 0o600 });
      const env = { ...moto.env, AWS_CREDENTIAL_FILE: file, AWS_ENDPOINT_URL_STS: otherSts.url };
      await moto.iam.createUser({ UserName: "david" });
      return enforced(otherSts, () => enforced(moto, () => runCli("iam-useraddkey", ["-u", "david", "--wait", "--wait-timeout", "0", ...argv], { env })));
    }

    it("printed on stdout when no file was named", async () => {
      const res = await refusedDelete([]);
      const [key] = (await moto.iam.listAccessKeys({ UserName: "david" })).AccessKeyMetadata!;
      const id = key.AccessKeyId!;
      expect(res.code).toBe(1);
      expect(res.stdout).toMatch(new RegExp(`^${id}\n[A-Za-z0-9/+]{40}\n$`));
      const lines = res.stderr.split("\n");
      expect(lines[1]).toMatch(new RegExp(`^iam-useraddkey: could not delete the new key ${id} \\(.*not authorized.*\\); delete it with: iam-userdelkey -u david -k ${id}$`));
      expect(lines.slice(2)).toEqual([`iam-useraddkey: WARNING: the new key ${id} is active; its secret is printed above`, ""]);
      expect(key.Status).toBe("Active");
    });

    it("kept in the credential file it was written to", async () => {
      const file = join(dir, "david.cred");
      const res = await refusedDelete(["--write-credential-file", file]);
      const written = parseLegacy(file);
      expect(res.code).toBe(1);
      expect(res.stdout).toBe("");
      expect(res.stderr.trimEnd().split("\n").at(-1)).toBe(`iam-useraddkey: WARNING: the new key ${written.id} is active and its secret is kept in credential file ${file}`);
      expect(res.stderr).not.toMatch(SECRET_LIKE);
      expect((await keysOf("david")).map((k) => k.AccessKeyId)).toEqual([written.id]);
    });
  });

  it("usercreate reports the rollback and that the user was created", async () => {
    const env = { ...(await adminEnv()), AWS_ENDPOINT_URL_STS: otherSts.url };
    const res = await enforced(otherSts, () => enforced(moto, () => runCli("iam-usercreate", ["-u", "david", "-k", "--wait", "--wait-timeout", "0"], { env })));
    expect(res.code).toBe(1);
    expect(res.stdout).toBe("");
    const id = /new key (AKIA\w+)/.exec(res.stderr)![1];
    expect(res.stderr.split("\n")).toEqual([
      `iam-usercreate: error: the new key ${id} did not authenticate with STS within 0 s (last answer: InvalidClientTokenId)`,
      `iam-usercreate: rolled back: deleted the new key ${id}`,
      "iam-usercreate: done before the failure: created user david",
      "iam-usercreate: to finish: iam-useraddkey -u david --wait --wait-timeout 0",
      "",
    ]);
    expect((await moto.iam.getUser({ UserName: "david" })).User?.UserName).toBe("david");
    expect(await keysOf("david")).toEqual([]);
  });
});

describe("credential file text (pure)", () => {
  const pair = { accessKeyId: "AKIANEWNEWNEWNEWNEW1", secretAccessKey: "new/secret+value" };

  it("adds the legacy keys after the comments of an otherwise empty template", () => {
    expect(withLegacyKeys("# Enter the AWS Keys\n", pair)).toBe(
      "# Enter the AWS Keys\nAWSAccessKeyId=AKIANEWNEWNEWNEWNEW1\nAWSSecretKey=new/secret+value\n",
    );
  });

  it("keeps CRLF line ends and completes a last line without one", () => {
    expect(withProfileKeys("[a]\r\nx = 1", "b", pair)).toBe(
      "[a]\r\nx = 1\r\n\r\n[b]\r\naws_access_key_id = AKIANEWNEWNEWNEWNEW1\r\naws_secret_access_key = new/secret+value\r\n",
    );
  });

  it("treats a dotted profile name as one name, not a nested section", () => {
    const text = "[dev]\naws_access_key_id = AKIADEV\n[dev.eu]\nregion = x\n";
    expect(withProfileKeys(text, "dev.eu", pair)).toBe(
      "[dev]\naws_access_key_id = AKIADEV\n[dev.eu]\nregion = x\naws_access_key_id = AKIANEWNEWNEWNEWNEW1\naws_secret_access_key = new/secret+value\n",
    );
    expect(heldKey(text, { file: "f", profile: "dev" })).toEqual({ accessKeyId: "AKIADEV", hasSecret: false });
    expect(heldKey(text, { file: "f", profile: "dev.eu" })).toBeUndefined();
  });

  it("matches profile keys case-insensitively, as the SDKs read them, and drops repeats", () => {
    expect(withProfileKeys("[p]\nAWS_Access_Key_Id = A\naws_access_key_id = B\naws_secret_access_key = S\n", "p", pair)).toBe(
      "[p]\nAWS_Access_Key_Id = AKIANEWNEWNEWNEWNEW1\naws_secret_access_key = new/secret+value\n",
    );
  });

  it("reads profile headers as the SDK does: a comment after the header is not part of it, spaces inside are", async () => {
    const text = "[prod] # production account\naws_access_key_id = AKIAPROD\naws_secret_access_key = prod-secret\n[ dev ] ; spaced\nregion = x\n";
    const file = join(dir, "headers");
    writeFileSync(file, text);
    // The SDK's own reader is the oracle.
    const { loadSharedConfigFiles } = await import("@smithy/core/config");
    const { credentialsFile } = await loadSharedConfigFiles({ filepath: file, configFilepath: join(dir, "none"), ignoreCache: true });
    expect(Object.keys(credentialsFile).sort()).toEqual([" dev ", "prod"]);
    expect(heldKey(text, { file, profile: "prod" })).toEqual({ accessKeyId: "AKIAPROD", hasSecret: true });
    expect(withProfileKeys(text, "prod", pair)).toBe(text.replace("AKIAPROD", pair.accessKeyId).replace("prod-secret", pair.secretAccessKey));
    expect(heldKey(text, { file, profile: "dev" })).toBeUndefined();
  });

  it("--write-profile on a profile whose header has a comment refuses without --force, never adds a second header", async () => {
    const file = join(dir, "credentials");
    const text = "[prod] # production account\naws_access_key_id = AKIAPRODPRODPRODPROD\naws_secret_access_key = prod-secret\n";
    writeFileSync(file, text, { mode: 0o600 });
    await moto.iam.createUser({ UserName: "paul" });
    expect(await runCli("iam-useraddkey", ["-u", "paul", "--write-profile", "prod"], { env: { ...moto.env, AWS_SHARED_CREDENTIALS_FILE: file } })).toEqual({
      code: 2,
      stdout: "",
      stderr: `iam-useraddkey: profile prod in ${file} already holds credentials; --force replaces them\n`,
    });
    expect(readFileSync(file, "utf8")).toBe(text);
    expect(await keysOf("paul")).toEqual([]);
  });

  it("refuses a profile that appears twice", () => {
    expect(() => withProfileKeys("[p]\na = 1\n[p]\nb = 2\n", "p", pair, "creds")).toThrow(
      "profile p appears 2 times in creds; merge those sections first",
    );
  });
});

describe("backoff (pure)", () => {
  it("doubles from half a second up to eight", () => {
    expect([1, 2, 3, 4, 5, 6].map(backoffDelay)).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });

  it("makes its last attempt at the deadline, and one attempt for a timeout of 0", async () => {
    let now = 0;
    const slept: number[] = [];
    const clock = { now: () => now, sleep: async (ms: number) => void (slept.push(ms), (now += ms)) };
    const attempts: number[] = [];
    expect(await pollWithBackoff(async (n) => void attempts.push(n), 2000, clock)).toBeUndefined();
    expect(slept).toEqual([500, 1000, 500]);
    expect(attempts).toEqual([1, 2, 3, 4]);
    expect(await pollWithBackoff(async (n) => (n === 1 ? undefined : "x"), 0, clock)).toBeUndefined();
    expect(await pollWithBackoff(async (n) => (n === 3 ? "ready" : undefined), 60_000, clock)).toBe("ready");
  });
});
