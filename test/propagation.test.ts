import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { STS } from "@aws-sdk/client-sts";
import { beforeEach, describe, expect, it } from "vitest";
import { useMoto } from "./harness/moto.js";
import { runCli } from "./harness/run-cli.js";
import { runShell } from "./harness/run-bin.js";
import { setPropagation } from "./support/propagation.mjs";

/**
 * Runbooks under IAM's propagation delay: the strict layer hides every entity for WINDOW_MS after
 * its creation (NoSuchEntity for requests naming it, left out of listings, InvalidClientTokenId
 * for a new key's signatures). Each step is a command of its own, as an operator's runbook runs
 * them; the record of recent creates is in the test file's directory, emptied before each test.
 */
const WINDOW_MS = 2500;
const moto = useMoto();

/** Entities seeded before this call are old; what is created afterwards is hidden for the window. */
const delayFromNowOn = (settings: { probability?: number; seed?: number } = {}) => setPropagation(moto.url, { windowMs: WINDOW_MS, ...settings });

beforeEach(() => setPropagation(moto.url, { windowMs: 0 }));

const run = (name: string, argv: string[], extra: NodeJS.ProcessEnv = {}) => runCli(name, argv, { env: { ...moto.env, ...extra }, cwd: moto.dir });

/** Reads back the account as it is once every create has propagated: the window is closed first. */
const settled = () => setPropagation(moto.url, { windowMs: 0 });
const groupsOf = async (UserName: string) => (await settled(), await moto.iam.listGroupsForUser({ UserName })).Groups!.map((g) => g.GroupName);
const keysOf = async (UserName: string) => (await settled(), await moto.iam.listAccessKeys({ UserName })).AccessKeyMetadata!.length;
const userExists = async (UserName: string) => (await settled(), moto.iam.getUser({ UserName }).then(() => true, () => false));

const POLICY = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:ListBucket", Resource: "*" }] });

describe("the strict layer's propagation model", () => {
  const refusal = (promise: Promise<unknown>) => promise.then(() => "accepted", (err) => `${err.name}: ${err.message}`);

  it("hides a new entity from requests naming it and from listings, for the window only", async () => {
    await moto.iam.createUser({ UserName: "old" });
    await delayFromNowOn();
    await moto.iam.createUser({ UserName: "new" });
    expect(await refusal(moto.iam.getUser({ UserName: "new" }))).toBe("NoSuchEntityException: The user with name new cannot be found.");
    expect(await refusal(moto.iam.createAccessKey({ UserName: "new" }))).toBe("NoSuchEntityException: The user with name new cannot be found.");
    expect((await moto.iam.listUsers({})).Users!.map((u) => u.UserName)).toEqual(["old"]);
    await setPropagation(moto.url, { windowMs: 300 });
    await sleep(400);
    expect((await moto.iam.listUsers({})).Users!.map((u) => u.UserName).sort()).toEqual(["new", "old"]);
  });

  it("refuses a new key's signatures with InvalidClientTokenId", async () => {
    await moto.iam.createUser({ UserName: "ann" });
    await delayFromNowOn();
    const { AccessKeyId, SecretAccessKey } = (await moto.iam.createAccessKey({ UserName: "ann" })).AccessKey!;
    const sts = new STS({ endpoint: moto.url, region: "us-east-1", credentials: { accessKeyId: AccessKeyId!, secretAccessKey: SecretAccessKey! } });
    expect(await refusal(sts.getCallerIdentity({}))).toBe("InvalidClientTokenId: The security token included in the request is invalid.");
    await settled();
    expect((await sts.getCallerIdentity({})).Arn).toBe("arn:aws:iam::123456789012:user/ann");
  });
});

describe("a runbook, one command per step, right after its creates", () => {
  it("iam-groupcreate, then iam-usercreate -g -k: the user is in the group and has its key", async () => {
    await delayFromNowOn();
    expect(await run("iam-groupcreate", ["-g", "Admin"])).toEqual({ code: 0, stdout: "", stderr: "" });
    const created = await run("iam-usercreate", ["-u", "david", "-g", "Admin", "-k"]);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^AKIA\w{16}\n\S{40}\n$/);
    expect(created.stderr).toMatch(/^iam-usercreate: waiting for IAM to show (group Admin|user david), created here [\d.]+ s ago \(up to 60 s after its creation\)\n$/);
    expect(await groupsOf("david")).toEqual(["Admin"]);
    expect(await keysOf("david")).toBe(1);
  });

  const chains: [string, [string, string[]][], () => Promise<unknown>][] = [
    ["groupadduser", [["iam-groupcreate", ["-g", "ops"]], ["iam-usercreate", ["-u", "ann"]], ["iam-groupadduser", ["-g", "ops", "-u", "ann"]]], async () => expect(await groupsOf("ann")).toEqual(["ops"])],
    ["useraddkey", [["iam-usercreate", ["-u", "ann"]], ["iam-useraddkey", ["-u", "ann"]]], async () => expect(await keysOf("ann")).toBe(1)],
    [
      "groupuploadpolicy",
      [["iam-groupcreate", ["-g", "ops"]], ["iam-groupuploadpolicy", ["-g", "ops", "-p", "read", "-o", POLICY]]],
      async () => expect((await moto.iam.listGroupPolicies({ GroupName: "ops" })).PolicyNames).toEqual(["read"]),
    ],
    [
      "instanceprofilecreate -r",
      [["iam-rolecreate", ["-r", "web", "-s", "ec2.amazonaws.com"]], ["iam-instanceprofilecreate", ["-s", "web", "-r", "web"]]],
      async () => expect((await moto.iam.getInstanceProfile({ InstanceProfileName: "web" })).InstanceProfile!.Roles!.map((r) => r.RoleName)).toEqual(["web"]),
    ],
    [
      "userattachpolicy of a new policy to a new user",
      [["iam-policycreate", ["-p", "read", "-o", POLICY]], ["iam-usercreate", ["-u", "ann"]], ["iam-userattachpolicy", ["-u", "ann", "-a", "arn:aws:iam::123456789012:policy/read"]]],
      async () => expect((await moto.iam.listAttachedUserPolicies({ UserName: "ann" })).AttachedPolicies!.map((p) => p.PolicyName)).toEqual(["read"]),
    ],
    [
      "rolecreate with a new boundary",
      [["iam-policycreate", ["-p", "cap", "-o", POLICY]], ["iam-rolecreate", ["-r", "web", "-s", "ec2.amazonaws.com", "--permissions-boundary", "arn:aws:iam::123456789012:policy/cap"]]],
      async () => expect((await moto.iam.getRole({ RoleName: "web" })).Role!.PermissionsBoundary?.PermissionsBoundaryArn).toBe("arn:aws:iam::123456789012:policy/cap"),
    ],
    [
      "useraddcert --generate",
      [["iam-usercreate", ["-u", "ann"]], ["iam-useraddcert", ["-u", "ann", "--generate", "--cert-out", "ann-cert.pem", "--key-out", "ann-key.pem", "--key-size", "2048"]]],
      async () => expect((await moto.iam.listSigningCertificates({ UserName: "ann" })).Certificates).toHaveLength(1),
    ],
    [
      "useraddloginprofile",
      [["iam-usercreate", ["-u", "ann"]], ["iam-useraddloginprofile", ["-u", "ann", "-p", "Correct-Horse-9"]]],
      async () => expect((await moto.iam.getLoginProfile({ UserName: "ann" })).LoginProfile!.UserName).toBe("ann"),
    ],
    ["usercreate -k --wait", [["iam-usercreate", ["-u", "ann", "-k", "--wait"]]], async () => expect(await keysOf("ann")).toBe(1)],
  ];

  it.each(chains)("%s succeeds", async (_name, steps, check) => {
    await delayFromNowOn();
    for (const [name, argv] of steps) {
      const res = await run(name, argv);
      // Besides the waiting line, only --generate's report of the files it wrote.
      const stderr = res.stderr.replace(/^.*: waiting for IAM to show .*\n/, "").replace(/^iam-useraddcert: wrote .*\n$/, "");
      expect({ name, code: res.code, stderr }).toEqual({ name, code: 0, stderr: "" });
    }
    await settled();
    await check();
  });
});

describe("deletes and rollbacks right after creates", () => {
  it("iam-useraddkey, then iam-userdel -r: the key IAM does not list yet is removed too, and the user is gone", async () => {
    await moto.iam.createUser({ UserName: "bob" });
    await moto.iam.createGroup({ GroupName: "staff" });
    await moto.iam.addUserToGroup({ GroupName: "staff", UserName: "bob" });
    await delayFromNowOn();
    expect((await run("iam-useraddkey", ["-u", "bob"])).code).toBe(0);
    expect(await run("iam-userdel", ["-u", "bob", "-r"])).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await userExists("bob")).toBe(false);
  });

  it("iam-instanceprofilecreate -r, then iam-roledel -c: the role leaves the profile IAM does not list yet", async () => {
    await moto.iam.createRole({ RoleName: "web", AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[]}' });
    await delayFromNowOn();
    expect((await run("iam-instanceprofilecreate", ["-s", "web", "-r", "web"])).code).toBe(0);
    const res = await run("iam-roledel", ["-r", "web", "-c"]);
    expect({ code: res.code, stderr: res.stderr.replace(/^.*: waiting for IAM to show .*\n/, "") }).toEqual({ code: 0, stderr: "" });
    await settled();
    expect((await moto.iam.listRoles({})).Roles).toEqual([]);
  });

  it("iam-userattachpolicy to a new user, then iam-policydel -r: the policy is detached and gone", async () => {
    const arn = (await moto.iam.createPolicy({ PolicyName: "read", PolicyDocument: POLICY })).Policy!.Arn!;
    await delayFromNowOn();
    expect((await run("iam-usercreate", ["-u", "ann"])).code).toBe(0);
    expect((await run("iam-userattachpolicy", ["-u", "ann", "-a", arn])).code).toBe(0);
    expect((await run("iam-policydel", ["-a", arn, "-r"])).code).toBe(0);
    await settled();
    expect((await moto.iam.listPolicies({ Scope: "Local" })).Policies).toEqual([]);
    expect((await moto.iam.listAttachedUserPolicies({ UserName: "ann" })).AttachedPolicies).toEqual([]);
  });

  it("a --wait that fails rolls its new key back although IAM does not show the key yet", async () => {
    await moto.iam.createUser({ UserName: "bob" });
    await delayFromNowOn();
    const res = await run("iam-useraddkey", ["-u", "bob", "--wait", "--wait-timeout", "0"]);
    const id = /new key (AKIA\w+)/.exec(res.stderr)![1];
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`iam-useraddkey: rolled back: deleted the new key ${id}\n`);
    expect(await keysOf("bob")).toBe(0);
  });

  it("a delete refused for a reason that is not new fails at once, as before", async () => {
    await moto.iam.createUser({ UserName: "bob" });
    await moto.iam.createAccessKey({ UserName: "bob" });
    const res = await run("iam-userdel", ["-u", "bob"]);
    expect(res).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-userdel: error (DeleteConflict): Cannot delete entity, must delete access keys first.\niam-userdel: user bob still has 1 access key (delete them first, or use -r)\n",
    });
  });
});

describe("a dry run right after a create", () => {
  it("takes the new entity as there, with a note, instead of predicting NoSuchEntity", async () => {
    await delayFromNowOn();
    expect((await run("iam-groupcreate", ["-g", "Admin"])).code).toBe(0);
    const res = await run("iam-usercreate", ["-u", "david", "-g", "Admin", "--dry-run"]);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe("CreateUser\n\tUserName: david\nAddUserToGroup\n\tGroupName: Admin\n\tUserName: david\n");
    expect(res.stderr).toMatch(/^iam-usercreate: note: group Admin was created here [\d.]+ s ago and IAM does not show it yet; the dry run takes it as there\n$/);
    expect(await userExists("david")).toBe(false);
  });

  it("still predicts NoSuchEntity for a name nobody created here", async () => {
    await delayFromNowOn();
    const res = await run("iam-usercreate", ["-u", "david", "-g", "Admn", "--dry-run"]);
    expect(res.code).toBe(1);
    // Read before the first change, as the real run reads it: IAM's refusal, nothing planned.
    expect(res).toMatchObject({ stdout: "", stderr: expect.stringMatching(/^iam-usercreate: error \(NoSuchEntity\): .*Admn.*\n$/) });
  });
});

describe("names nobody created here", () => {
  it("a typo in -g changes nothing and fails at once, without waiting", async () => {
    await moto.iam.createGroup({ GroupName: "Admin" });
    await delayFromNowOn();
    const res = await run("iam-usercreate", ["-u", "frank", "-g", "Admn", "-k"]);
    expect(res).toEqual({ code: 1, stdout: "", stderr: "iam-usercreate: error (NoSuchEntity): Group Admn not found\n" });
    expect(await userExists("frank")).toBe(false);
  });

  it("an entity deleted here is not waited for", async () => {
    await delayFromNowOn();
    expect((await run("iam-usercreate", ["-u", "ann"])).code).toBe(0);
    expect((await run("iam-userdel", ["-u", "ann"])).code).toBe(0);
    expect(await run("iam-usergetattributes", ["-u", "ann"])).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-usergetattributes: error (NoSuchEntity): The user with name ann cannot be found.\n",
    });
  });

  it("an entity another machine created is not waited for", async () => {
    await delayFromNowOn();
    await moto.iam.createGroup({ GroupName: "elsewhere" });
    const res = await run("iam-grouplistusers", ["-g", "elsewhere"]);
    expect(res).toEqual({ code: 1, stdout: "", stderr: "iam-grouplistusers: error (NoSuchEntity): The group with name elsewhere cannot be found.\n" });
  });

  it("--propagation-timeout 0 and IAMKIT_PROPAGATION_TIMEOUT=0 turn waiting off", async () => {
    await delayFromNowOn();
    expect((await run("iam-usercreate", ["-u", "ann", "--propagation-timeout", "0"])).code).toBe(0);
    expect(await run("iam-useraddkey", ["-u", "ann"], { IAMKIT_PROPAGATION_TIMEOUT: "0" })).toEqual({
      code: 1,
      stdout: "",
      stderr: "iam-useraddkey: error (NoSuchEntity): The user with name ann cannot be found.\n",
    });
  });

  it("with waiting off, a runbook that fails halfway says which commands finish the job", async () => {
    await moto.iam.createGroup({ GroupName: "ops" });
    await delayFromNowOn();
    const res = await run("iam-usercreate", ["-u", "ann", "-g", "ops", "-k", "--write-credential-file", "ann's key", "--propagation-timeout", "0"]);
    expect(res).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "iam-usercreate: error (NoSuchEntity): The user with name ann cannot be found.\n" +
        "iam-usercreate: done before the failure: created user ann\n" +
        "iam-usercreate: to finish: iam-groupadduser -g ops -u ann; iam-useraddkey -u ann --write-credential-file 'ann'\\''s key'\n",
    });
  });

  it("a budget that is not a number of seconds is refused before any request", async () => {
    expect(await run("iam-userlistbypath", ["--propagation-timeout", "soon"])).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iam-userlistbypath: invalid --propagation-timeout "soon": expected a number of seconds (0 never waits)\n',
    });
    expect(await run("iam-userlistbypath", [], { IAMKIT_PROPAGATION_TIMEOUT: "-1" })).toEqual({
      code: 3,
      stdout: "",
      stderr: 'iam-userlistbypath: IAMKIT_PROPAGATION_TIMEOUT must be a number of seconds (0 turns waiting off), not "-1"\n',
    });
  });
});

describe("the record of recent creates", () => {
  it("is one 0600 file per endpoint and caller holding names and ids, never a secret", async () => {
    await delayFromNowOn();
    const created = await run("iam-usercreate", ["-u", "ann", "-k"]);
    const [id, secret] = created.stdout.split("\n");
    const files = readdirSync(moto.env.IAMKIT_CACHE_DIR!).filter((f) => f.endsWith(".json"));
    expect(files).toHaveLength(1);
    const file = join(moto.env.IAMKIT_CACHE_DIR!, files[0]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, "utf8");
    expect(JSON.parse(text).created.map((e: { kind: string; name: string }) => `${e.kind} ${e.name}`)).toEqual(["user ann", `access key ${id}`]);
    expect(text).not.toContain(secret);
  });

  it("is shared by real processes running one after another, and by concurrent writers", async () => {
    await delayFromNowOn();
    const script = [
      "iam-groupcreate -g a & iam-groupcreate -g b & iam-groupcreate -g c & wait",
      "iam-usercreate -u carol -g a,b,c",
      "iam-userlistgroups -u carol",
    ].join(" && ");
    const res = await runShell(script, { env: moto.env, cwd: moto.dir });
    expect(res.code).toBe(0);
    expect(res.stdout.split("\n").filter((line) => line.startsWith("arn:")).sort()).toEqual(["arn:aws:iam::123456789012:group/a", "arn:aws:iam::123456789012:group/b", "arn:aws:iam::123456789012:group/c"]);
    expect((await groupsOf("carol")).sort()).toEqual(["a", "b", "c"]);
  });
});

describe("with refusals at random", () => {
  it("three onboardings in a loop all succeed", async () => {
    await delayFromNowOn({ probability: 0.5, seed: 7 });
    expect((await run("iam-groupcreate", ["-g", "Admin"])).code).toBe(0);
    const users = ["u1", "u2", "u3"];
    for (const user of users) {
      const res = await run("iam-usercreate", ["-u", user, "-g", "Admin", "-k"]);
      expect({ user, code: res.code }).toEqual({ user, code: 0 });
    }
    for (const user of users) {
      expect(await groupsOf(user)).toEqual(["Admin"]);
      expect(await keysOf(user)).toBe(1);
    }
  });

  it("offboardings right after a new key leave no user behind", async () => {
    const users = ["u1", "u2", "u3"];
    for (const UserName of users) await moto.iam.createUser({ UserName });
    await delayFromNowOn({ probability: 0.5, seed: 11 });
    for (const user of users) {
      expect((await run("iam-useraddkey", ["-u", user])).code).toBe(0);
      const res = await run("iam-userdel", ["-u", user, "-r"]);
      // A refused DeleteAccessKey of the new key is waited for, with its one line.
      const stderr = res.stderr.replace(/^iam-userdel: waiting for IAM to show access key \w+, created here .*\n/, "");
      expect({ user, code: res.code, stderr }).toEqual({ user, code: 0, stderr: "" });
    }
    await settled();
    expect((await moto.iam.listUsers({})).Users).toEqual([]);
  });
});
