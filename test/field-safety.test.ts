import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { useMoto, writeTestFile } from "./harness/moto.js";
import { binPath, runBin, runShell, start } from "./harness/run-bin.js";
import { runCli } from "./harness/run-cli.js";
import { iamError, startLoopbackProxy, type CapturedRequest, type Verdict } from "./support/loopback-proxy.mjs";

/**
 * How iamkit behaves in the field: real bins in real pipes, a full disk, a closed stdout, Ctrl-C
 * and SIGTERM mid-run, a hostile endpoint's escape sequences, deep JSON.
 */

const moto = useMoto();

const proxies: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
});

/** A recording proxy in front of moto; `decide` may act (signal the process, close its reader) as a request arrives. */
async function proxy(decide: (req: CapturedRequest, seq: number) => Verdict = () => undefined) {
  const started = await startLoopbackProxy({ upstream: moto.url, decide });
  proxies.push(started);
  return { env: { ...moto.env, AWS_IAM_URL: started.url }, requests: started.requests };
}

const actions = (requests: CapturedRequest[], action: string) => requests.filter((r) => r.params.Action === action).length;

/** Creates `count` entities, 25 at a time, named `<prefix>000` onwards. */
async function seed(count: number, prefix: string, create: (name: string) => Promise<unknown>) {
  for (let i = 0; i < count; i += 25) {
    await Promise.all(Array.from({ length: Math.min(25, count - i) }, (_, j) => create(`${prefix}${String(i + j).padStart(3, "0")}`)));
  }
}

const seedUsers = () => seed(300, "user", (UserName) => moto.iam.createUser({ UserName }));

const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

/** 300 roles: moto answers ListRoles in pages of 100, so a listing that stops early is seen on the wire. */
const seedRoles = () => seed(300, "role", (RoleName) => moto.iam.createRole({ RoleName, AssumeRolePolicyDocument: TRUST }));

const keysOf = async (UserName: string) => (await moto.iam.listAccessKeys({ UserName })).AccessKeyMetadata ?? [];

describe("a reader that leaves (EPIPE)", () => {
  it("ends `iam-userlistbypath | head -1` with exit 0 and nothing on stderr, under pipefail", async () => {
    await seedUsers();
    // The reader's timing varies from run to run; the outcome must not.
    for (let run = 0; run < 3; run++) {
      const res = await runShell("iam-userlistbypath | head -1", { env: moto.env });
      expect(res).toMatchObject({ code: 0, signal: null, stderr: "" });
      expect(res.stdout).toMatch(/^arn:aws:iam::123456789012:user\/user\d{3}\n$/);
    }
  });

  it("keeps `if euare-rolelistbypath | grep -q role/Demos` true under pipefail", async () => {
    await seedRoles();
    await moto.iam.createRole({ RoleName: "Demos", AssumeRolePolicyDocument: TRUST });
    const res = await runShell("if euare-rolelistbypath | grep -q role/Demos; then echo present; else echo missing; fi", { env: moto.env });
    expect(res).toEqual({ code: 0, signal: null, stdout: "present\n", stderr: "" });
  });

  it("stops paging at once: a reader gone while page 1 is in flight gets no page 2 request", async () => {
    await seedRoles();
    const full = await proxy();
    expect((await runBin("iam-rolelistbypath", ["-i", "100"], { env: full.env })).stdout.split("\n")).toHaveLength(302);
    expect(actions(full.requests, "ListRoles")).toBe(3);

    let run: ReturnType<typeof start>;
    const cut = await proxy((req) => {
      // The reader closes its end before the first page is answered, as `head` does once it has enough.
      if (req.params.Action === "ListRoles") run.child.stdout!.destroy();
      return undefined;
    });
    run = start(process.execPath, [binPath("iam-rolelistbypath"), "-i", "100"], { env: cut.env });
    expect(await run.ended).toMatchObject({ code: 0, signal: null, stderr: "" });
    expect(actions(cut.requests, "ListRoles")).toBe(1);
  });

  it("rolls nothing back: `iam-usercreate -k -v | head -1` prints the key id and the key stays", async () => {
    const res = await runShell("iam-usercreate -u dana -k -v | head -1", { env: moto.env });
    const [key] = await keysOf("dana");
    expect(res).toEqual({ code: 0, signal: null, stdout: `${key.AccessKeyId}\n`, stderr: "" });
    expect(key.Status).toBe("Active");
  });

  it("rolls nothing back when the reader leaves before the secret: `iam-useraddkey | true`", async () => {
    await moto.iam.createUser({ UserName: "erin" });
    expect(await runShell("iam-useraddkey -u erin | true", { env: moto.env })).toEqual({ code: 0, signal: null, stdout: "", stderr: "" });
    expect(await keysOf("erin")).toHaveLength(1);
  });
});

describe("a stdout that refuses output", () => {
  const FULL = "cannot write to standard output: no space left on device (ENOSPC)";

  it("deletes the key whose secret could not be written to a full disk (/dev/full), exit 5", async () => {
    await moto.iam.createUser({ UserName: "bob" });
    const res = await runShell("iam-useraddkey -u bob > /dev/full", { env: moto.env });
    expect(res.code).toBe(5);
    const [error, rollback, end] = res.stderr.split("\n");
    expect([error, end]).toEqual([`iam-useraddkey: ${FULL}`, ""]);
    expect(rollback).toMatch(/^iam-useraddkey: rolled back: deleted the new key AKIA[A-Z0-9]+$/);
    expect(await keysOf("bob")).toEqual([]);
  });

  it("iam-usercreate -k > /dev/full keeps the user, deletes its key", async () => {
    const res = await runShell("iam-usercreate -u carl -k > /dev/full", { env: moto.env });
    expect(res.code).toBe(5);
    expect(res.stderr.split("\n")[0]).toBe(`iam-usercreate: ${FULL}`);
    expect((await moto.iam.getUser({ UserName: "carl" })).User?.UserName).toBe("carl");
    expect(await keysOf("carl")).toEqual([]);
  });

  it("deletes the key when stdout is closed (>&-): the secret would be lost unread; > /dev/null is a choice and keeps it", async () => {
    await moto.iam.createUser({ UserName: "fay" });
    const closed = await runShell("iam-useraddkey -u fay >&-", { env: moto.env });
    expect(closed.code).toBe(5);
    const [error, rollback, end] = closed.stderr.split("\n");
    expect([error, end]).toEqual([
      "iam-useraddkey: cannot write to standard output: it was closed when the command started, so the new secret would be lost unread (EBADF)",
      "",
    ]);
    expect(rollback).toMatch(/^iam-useraddkey: rolled back: deleted the new key AKIA[A-Z0-9]+$/);
    expect(await keysOf("fay")).toEqual([]);
    // euca2ools' IAM guide creates a key this way on purpose.
    expect(await runShell("iam-useraddkey -u fay > /dev/null", { env: moto.env })).toEqual({ code: 0, signal: null, stdout: "", stderr: "" });
    expect(await keysOf("fay")).toHaveLength(1);
  });

  it("output without a secret may go to a closed stdout: iam-usercreate -v >&- exits 0", async () => {
    expect(await runShell("iam-usercreate -u gus -v >&-", { env: moto.env })).toEqual({ code: 0, signal: null, stdout: "", stderr: "" });
  });

  it("a listing to a full disk stops paging and says why, exit 5", async () => {
    await seedRoles();
    const wire = await proxy();
    const res = await runShell("iam-rolelistbypath > /dev/full", { env: wire.env });
    expect(res).toEqual({ code: 5, signal: null, stdout: "", stderr: `iam-rolelistbypath: ${FULL}\n` });
    expect(actions(wire.requests, "ListRoles")).toBe(1);
  });
});

describe("SIGINT and SIGTERM", () => {
  it("iam-userdel -r: in-flight requests finish, no new one starts, removed:/remains: as for a failure, ends by SIGINT", async () => {
    await moto.iam.createUser({ UserName: "victim" });
    for (let i = 0; i < 30; i++) {
      await moto.iam.putUserPolicy({ UserName: "victim", PolicyName: `p${i}`, PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}' });
    }
    let run: ReturnType<typeof start>;
    let signalled = false;
    const wire = await proxy((req) => {
      if (req.params.Action === "DeleteUserPolicy" && !signalled) {
        signalled = true;
        run.child.kill("SIGINT");
      }
      return undefined;
    });
    run = start(process.execPath, [binPath("iam-userdel"), "-u", "victim", "-r"], { env: wire.env });
    const res = await run.ended;
    // Ended by the signal itself: a shell reports status 130 and stops a running script.
    expect(res).toMatchObject({ code: null, signal: "SIGINT", stdout: "" });
    const [first, removed, remains, ...rest] = res.stderr.split("\n");
    expect(first).toBe("iam-userdel: interrupted by SIGINT; no further requests were sent");
    expect(removed).toMatch(/^iam-userdel: removed: policy p\d+(, policy p\d+)*$/);
    expect(remains).toMatch(/^iam-userdel: remains: (policy p\d+, )+user victim$/);
    expect(rest).toEqual([""]);
    const left = (await moto.iam.listUserPolicies({ UserName: "victim" })).PolicyNames!;
    expect(remains.match(/policy p\d+/g)!.map((p) => p.slice(7)).sort()).toEqual([...left].sort());
    expect(actions(wire.requests, "DeleteUserPolicy")).toBe(30 - left.length);
    expect(actions(wire.requests, "DeleteUser")).toBe(0);
  });

  it("iam-userdel -r whose DeleteUser was in flight at SIGINT says everything was done, the user included", async () => {
    await moto.iam.createUser({ UserName: "late" });
    await moto.iam.putUserPolicy({ UserName: "late", PolicyName: "p", PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}' });
    let run: ReturnType<typeof start>;
    const wire = await proxy((req) => {
      // A change in flight gets time to be answered: this one is.
      if (req.params.Action === "DeleteUser") run.child.kill("SIGINT");
      return undefined;
    });
    run = start(process.execPath, [binPath("iam-userdel"), "-u", "late", "-r"], { env: wire.env });
    expect(await run.ended).toEqual({
      code: null,
      signal: "SIGINT",
      stdout: "",
      stderr:
        "iam-userdel: interrupted by SIGINT; no further requests were sent\n" +
        "iam-userdel: the signal came after the last request was answered: everything asked for was done\n",
    });
    expect((await moto.iam.listUsers({})).Users!.map((u) => u.UserName)).not.toContain("late");
  });

  it("a listing stops paging on SIGTERM: the page in flight is cut off, the pages before it printed, no trailer, ends by SIGTERM", async () => {
    await seedRoles();
    let run: ReturnType<typeof start>;
    const wire = await proxy((req, seq) => {
      if (req.params.Action === "ListRoles" && seq === 1) run.child.kill("SIGTERM");
      return undefined;
    });
    run = start(process.execPath, [binPath("iam-rolelistbypath"), "-i", "100"], { env: wire.env });
    const res = await run.ended;
    expect(res).toMatchObject({ code: null, signal: "SIGTERM", stderr: "iam-rolelistbypath: interrupted by SIGTERM; no further requests were sent\n" });
    const lines = res.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(100);
    expect(lines.every((line) => line.startsWith("arn:aws:iam::123456789012:role/"))).toBe(true);
    expect(actions(wire.requests, "ListRoles")).toBe(2);
  });

  it.each([
    ["a read", "iam-userlistbypath", [], "ListUsers", "interrupted by SIGINT; no further requests were sent"],
    ["a change", "iam-usercreate", ["-u", "hung"], "CreateUser", "interrupted by SIGINT while CreateUser was in flight: it may or may not have taken effect; no further requests were sent"],
  ])("SIGINT cuts off %s an endpoint never answers, and says what may have happened", async (_what, name, argv, action, message) => {
    let run: ReturnType<typeof start>;
    const wire = await proxy((req) => {
      if (req.params.Action !== action) return undefined;
      run.child.kill("SIGINT");
      return "stall";
    });
    // Without the cut-off, five attempts of 30 s each would outlast the test's time.
    run = start(process.execPath, [binPath(name), ...argv], { env: { ...wire.env, IAMKIT_REQUEST_TIMEOUT: "30000" } });
    expect(await run.ended).toEqual({ code: null, signal: "SIGINT", stdout: "", stderr: `${name}: ${message}\n` });
    expect(actions(wire.requests, action)).toBe(1);
  });
  it("a command waiting on standard input stops on SIGINT without sending anything", async () => {
    const wire = await proxy();
    const run = start(process.execPath, [binPath("iam-useruploadpolicy"), "-u", "nobody", "-p", "p", "-f", "-", "-d"], {
      env: wire.env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    // The endpoint line comes once the run is set up; standard input stays open and empty.
    await run.stderrLine(/debug: endpoint: /);
    run.child.kill("SIGINT");
    const res = await run.ended;
    expect(res).toMatchObject({ code: null, signal: "SIGINT", stdout: "" });
    expect(res.stderr.trimEnd().split("\n").at(-1)).toBe("iam-useruploadpolicy: interrupted by SIGINT; no further requests were sent");
    expect(wire.requests).toEqual([]);
  });
});

describe("--generate interrupted", () => {
  const generating = /debug: generating a \d+-bit RSA key/;

  it("iam-useraddcert: SIGINT while the key is generated removes both files and sends nothing; a rerun works", async () => {
    await moto.iam.createUser({ UserName: "ivy" });
    const cwd = mkdtempSync(join(moto.dir, "gen-"));
    const wire = await proxy();
    // The largest key takes long enough that the signal always lands during generation.
    const run = start(process.execPath, [binPath("iam-useraddcert"), "-u", "ivy", "--generate", "--key-size", "16384", "-d"], { env: wire.env, cwd });
    await run.stderrLine(generating);
    expect(readdirSync(cwd).sort()).toEqual(["ivy-cert.pem", "ivy-key.pem"]);
    run.child.kill("SIGINT");
    const res = await run.ended;
    expect(res).toMatchObject({ code: null, signal: "SIGINT", stdout: "" });
    expect(res.stderr.trimEnd().split("\n").at(-1)).toBe("iam-useraddcert: interrupted by SIGINT; no further requests were sent");
    expect(readdirSync(cwd)).toEqual([]);
    expect(actions(wire.requests, "UploadSigningCertificate")).toBe(0);

    const rerun = await runBin("iam-useraddcert", ["-u", "ivy", "--generate"], { env: moto.env, cwd });
    expect(rerun).toMatchObject({ code: 0, stderr: "iam-useraddcert: wrote the private key to ivy-key.pem (mode 0600) and the certificate to ivy-cert.pem\n" });
    expect(readdirSync(cwd).sort()).toEqual(["ivy-cert.pem", "ivy-key.pem"]);
  });

  it("iam-servercertupload: SIGTERM while the key is generated removes both files", async () => {
    const cwd = mkdtempSync(join(moto.dir, "gen-"));
    const run = start(process.execPath, [binPath("iam-servercertupload"), "-s", "www", "--generate", "--key-size", "16384", "-d"], { env: moto.env, cwd });
    await run.stderrLine(generating);
    run.child.kill("SIGTERM");
    expect(await run.ended).toMatchObject({ code: null, signal: "SIGTERM" });
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("SIGINT while the upload is in flight: the upload finishes, both files are kept, the id is printed", async () => {
    await moto.iam.createUser({ UserName: "jay" });
    const cwd = mkdtempSync(join(moto.dir, "gen-"));
    let run: ReturnType<typeof start>;
    const wire = await proxy((req) => {
      if (req.params.Action === "UploadSigningCertificate") run.child.kill("SIGINT");
      return undefined;
    });
    run = start(process.execPath, [binPath("iam-useraddcert"), "-u", "jay", "--generate"], { env: wire.env, cwd });
    const res = await run.ended;
    const [certificate] = (await moto.iam.listSigningCertificates({ UserName: "jay" })).Certificates!;
    expect(res).toMatchObject({ signal: "SIGINT", stdout: `${certificate.CertificateId}\n` });
    expect(readdirSync(cwd).sort()).toEqual(["jay-cert.pem", "jay-key.pem"]);
  });
});

describe("terminal safety", () => {
  const ESC = "\u001b";

  it("escapes control characters in an error Code and Message from the server", async () => {
    const wire = await proxy((req) =>
      req.params.Action === "GetUser" ? { status: 400, body: iamError(`No${ESC}[2JSuch`, `gone${ESC}]0;pwned\u0007 \u009b31m`) } : undefined,
    );
    const res = await runCli("iam-usergetattributes", ["-u", "x"], { env: wire.env });
    expect(res).toEqual({ code: 1, stdout: "", stderr: "iam-usergetattributes: error (No\\x1b[2JSuch): gone\\x1b]0;pwned\\x07 \\x9b31m\n" });
  });

  it("escapes listed names: no escape sequence and no forged line reaches stdout", async () => {
    const arn = `arn:aws:iam::123456789012:user/a${ESC}[31m\nIsTruncated: false`;
    const body =
      `<ListUsersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListUsersResult><IsTruncated>false</IsTruncated><Users><member>` +
      `<UserName>a</UserName><Path>/</Path><Arn>${arn}</Arn><UserId>AIDA1</UserId><CreateDate>2020-01-01T00:00:00Z</CreateDate>` +
      `</member></Users></ListUsersResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></ListUsersResponse>`;
    const wire = await proxy((req) => (req.params.Action === "ListUsers" ? { status: 200, body } : undefined));
    const res = await runCli("iam-userlistbypath", [], { env: wire.env });
    expect(res).toEqual({ code: 0, stdout: "arn:aws:iam::123456789012:user/a\\x1b[31m\\nIsTruncated: false\nIsTruncated: false\n", stderr: "" });
    const json = await runCli("iam-userlistbypath", ["--json"], { env: wire.env });
    expect(json.stdout).not.toContain(ESC);
    expect(JSON.parse(json.stdout).Users[0].Arn).toBe(arn);
  });

  it("a line break in a name from the server cannot forge a --dry-run plan step", async () => {
    await moto.iam.createUser({ UserName: "vic" });
    const forged = "p\nDeleteUser\n\tUserName: admin";
    const body =
      `<ListUserPoliciesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListUserPoliciesResult><IsTruncated>false</IsTruncated>` +
      `<PolicyNames><member>${forged.replace(/\n/g, "&#10;").replace(/\t/g, "&#9;")}</member></PolicyNames></ListUserPoliciesResult>` +
      `<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></ListUserPoliciesResponse>`;
    const wire = await proxy((req) => (req.params.Action === "ListUserPolicies" ? { status: 200, body } : undefined));
    const res = await runCli("iam-userdel", ["-u", "vic", "-r", "--dry-run"], { env: wire.env });
    expect(res.stdout.split("\n")).toContain("\tPolicyName: p\\nDeleteUser\\n\tUserName: admin");
    expect(res.stdout.split("\n").filter((line) => line === "DeleteUser")).toHaveLength(1);
  });

  it("escapes Unicode format controls (bidi overrides, separators) in text and JSON output", async () => {
    const name = "a\u202eb\u2066c\u2028d\u200be";
    const body =
      `<ListUsersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListUsersResult><IsTruncated>false</IsTruncated><Users><member>` +
      `<UserName>u</UserName><Path>/</Path><Arn>arn:aws:iam::123456789012:user/${name}</Arn><UserId>AIDA1</UserId><CreateDate>2020-01-01T00:00:00Z</CreateDate>` +
      `</member></Users></ListUsersResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></ListUsersResponse>`;
    const wire = await proxy((req) => (req.params.Action === "ListUsers" ? { status: 200, body } : undefined));
    const res = await runCli("iam-userlistbypath", [], { env: wire.env });
    expect(res).toEqual({ code: 0, stdout: "arn:aws:iam::123456789012:user/a\\u202eb\\u2066c\\u2028d\\u200be\nIsTruncated: false\n", stderr: "" });
    const json = await runCli("iam-userlistbypath", ["--json"], { env: wire.env });
    expect(json.stdout).not.toMatch(/[\u202e\u2066\u2028\u200b]/);
    expect(JSON.parse(json.stdout).Users[0].Arn).toBe(`arn:aws:iam::123456789012:user/${name}`);
  });

  it("keeps a policy document's line breaks and tabs, escapes the rest", async () => {
    const document = `{\r\n\t"Version": "2012-10-17",\n\t"Id": "${ESC}[8m\rhidden\u009b"\n}`;
    const body =
      `<GetUserPolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetUserPolicyResult><UserName>u</UserName>` +
      `<PolicyName>p</PolicyName><PolicyDocument>${encodeURIComponent(document)}</PolicyDocument></GetUserPolicyResult>` +
      `<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetUserPolicyResponse>`;
    const wire = await proxy((req) => (req.params.Action === "GetUserPolicy" ? { status: 200, body } : undefined));
    const res = await runCli("iam-usergetpolicy", ["-u", "u", "-p", "p"], { env: wire.env });
    expect(res).toEqual({ code: 0, stdout: `{\r\n\t"Version": "2012-10-17",\n\t"Id": "\\x1b[8m\\rhidden\\x9b"\n}\n`, stderr: "" });
  });

  it("escapes control characters from a file in diagnostics", async () => {
    const file = writeTestFile(moto, `bad${ESC}[31m.json`, "{");
    const res = await runCli("iam-policylint", ["-f", file], { env: moto.env });
    expect(res.code).toBe(2);
    expect(res.stderr).not.toContain(ESC);
    expect(res.stderr).toContain("bad\\x1b[31m.json");
  });
});

describe("right words and codes", () => {
  it("a file that cannot be created in its directory is not called unreadable", async () => {
    await moto.iam.createUser({ UserName: "kim" });
    const wire = await proxy();
    // sysfs refuses new files even to root, as any directory without write permission would.
    const res = await runCli("iam-useraddcert", ["-u", "kim", "--generate", "--key-out", "/sys/iamkit-test-key.pem"], { env: wire.env, cwd: moto.dir });
    expect(res).toEqual({
      code: 2,
      stdout: "",
      stderr: "iam-useraddcert: private key file /sys/iamkit-test-key.pem cannot be created (permission denied in its directory)\n",
    });
    expect(wire.requests).toEqual([]);
  });

  it("a file to create in a missing directory says so", async () => {
    const res = await runCli("iam-useraddcert", ["-u", "kim", "--generate", "--key-out", join(moto.dir, "no-such-dir", "k.pem")], { env: moto.env });
    expect(res.stderr).toBe(`iam-useraddcert: private key file ${join(moto.dir, "no-such-dir", "k.pem")} cannot be created: its directory does not exist\n`);
    expect(existsSync(join(moto.dir, "kim-cert.pem"))).toBe(false);
  });

  it("deeply nested JSON is one usage error line, exit 2, whatever the depth, and nothing is sent", async () => {
    const depth = 100_000;
    const deep = `{"Version": "2012-10-17",\n"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"a": ${'{"a": '.repeat(depth)}1${"}".repeat(depth)}}}}]}`;
    const file = writeTestFile(moto, "deep.json", deep);
    const lint = await runCli("iam-policylint", ["-f", file], { env: moto.env });
    expect(lint).toMatchObject({ code: 2, stdout: "" });
    expect(lint.stderr).toMatch(
      new RegExp(`^iam-policylint: policy file ${file} line 2, column \\d+: nested more than 64 levels deep \\(a policy nests a few levels at most\\)\n$`),
    );
    await moto.iam.createUser({ UserName: "lee" });
    const wire = await proxy();
    const upload = await runCli("iam-useruploadpolicy", ["-u", "lee", "-p", "deep", "-f", file], { env: wire.env });
    expect(upload.code).toBe(2);
    expect(upload.stderr.split("\n")).toHaveLength(2);
    expect(wire.requests).toEqual([]);
  });
});
