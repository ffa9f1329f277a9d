import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selfSignedPem, sshPublicKey } from "./harness/fixtures.js";
import { chosenId, judge, judgeRunbook, NOT_PREDICTED, seeded, type Answered, type Observed, type PlannedStep, type Random } from "./harness/differential.js";
import { ROOT, useMoto } from "./harness/moto.js";
import { binPath, start } from "./harness/run-bin.js";
import { runCli } from "./harness/run-cli.js";
import { startLoopbackProxy } from "./support/loopback-proxy.mjs";

/**
 * Dry runs checked against real runs: seeded random sequences of commands over a tiny universe of
 * names, each step run with --dry-run and then for real through the strict IAM layer
 * (test/harness/differential.ts judges each pair); and the same sequences as bash runbooks,
 * planned by `iamkit plan` and then really run, judged step by step. `npm run differential --
 * --seeds N [--plan]` runs more seeds than the fixed ones here.
 */
const moto = useMoto();
let recorder: Awaited<ReturnType<typeof startLoopbackProxy>>;
beforeAll(async () => {
  recorder = await startLoopbackProxy({
    upstream: moto.url,
    respond: (request: Answered, answer: { status: number; body: string }) => {
      request.status = answer.status;
      if (answer.status === 200) request.chosenId = chosenId(request.params.Action, answer.body);
      return undefined;
    },
  });
});
afterAll(() => recorder.close());
beforeAll(() => {
  writeFileSync(join(moto.dir, CERTIFICATE_FILE), selfSignedPem("user"));
  writeFileSync(join(moto.dir, SSH_KEY_FILE), sshPublicKey());
});

/** Runs a command through the recording endpoint and returns what it printed and sent. */
async function observe(argv: string[]): Promise<Observed> {
  const from = recorder.requests.length;
  const result = await runCli(argv[0], argv.slice(1), { env: { ...moto.env, AWS_IAM_URL: recorder.url }, cwd: moto.dir });
  return { result, requests: recorder.requests.slice(from) };
}

const ACCOUNT = "123456789012";
const USERS = ["ann", "bob", "cid"];
const GROUPS = ["ops", "dev"];
const ROLES = ["web", "api"];
const POLICIES = ["read", "write"];
const PROFILES = ["web-ip", "api-ip"];
const DEVICES = ["ann-mfa", "bob-mfa"];
const HARDWARE = "GAHT12345678";
const policyArn = (name: string) => `arn:aws:iam::${ACCOUNT}:policy/${name}`;
const serial = (device: string) => `arn:aws:iam::${ACCOUNT}:mfa/${device}`;
const DOCUMENT = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });
const TRUST = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] });

const USER = { noun: "user", flag: "-u", names: USERS };
const GROUP = { noun: "group", flag: "-g", names: GROUPS };
const ROLE = { noun: "role", flag: "-r", names: ROLES };
/** A user, group or role drawn from `kinds`: the noun in command names, and the option naming one. */
const holder = (r: Random, kinds = [USER, GROUP, ROLE]) => {
  const { noun, flag, names } = r.pick(kinds);
  return { noun, names: [flag, r.pick(names)] };
};

/** A user, role, managed policy or instance profile to tag or untag: the command and the option naming one. */
const taggable = (r: Random, verb: "tag" | "untag") =>
  r.pick([
    [`iam-user${verb}`, "-u", r.pick(USERS)],
    [`iam-role${verb}`, "-r", r.pick(ROLES)],
    [`iam-policy${verb}`, "-a", policyArn(r.pick(POLICIES))],
    [`iam-instanceprofile${verb}`, "-s", r.pick(PROFILES)],
  ]);
const CERTIFICATE_FILE = "user.pem";
const SSH_KEY_FILE = "user.pub";

/** Each command of the universe, its arguments drawn from the names above (`step` names the files a step creates). */
const COMMANDS: ((r: Random, step: string) => string[])[] = [
  (r) => ["iam-usercreate", "-u", r.pick(USERS), ...r.maybe(["--permissions-boundary", policyArn(r.pick(POLICIES))]), ...r.maybe(["-g", r.pick(GROUPS)])],
  (r) => ["iam-userdel", "-u", r.pick(USERS), ...r.maybe(["-r"])],
  (r) => ["iam-usermod", "-u", r.pick(USERS), "-n", r.pick(USERS)],
  (r) => ["iam-groupcreate", "-g", r.pick(GROUPS)],
  (r) => ["iam-groupdel", "-g", r.pick(GROUPS), ...r.maybe(["-r"])],
  (r) => ["iam-groupmod", "-g", r.pick(GROUPS), "-n", r.pick(GROUPS)],
  (r) => ["iam-groupadduser", "-g", r.pick(GROUPS), "-u", r.pick(USERS)],
  (r) => ["iam-groupremoveuser", "-g", r.pick(GROUPS), "-u", r.pick(USERS)],
  (r) => ["iam-rolecreate", "-r", r.pick(ROLES), "-s", "ec2.amazonaws.com", ...r.maybe(["--permissions-boundary", policyArn(r.pick(POLICIES))])],
  (r) => ["iam-roledel", "-r", r.pick(ROLES), ...r.maybe(["-c"])],
  (r) => ["iam-instanceprofilecreate", "-s", r.pick(PROFILES), ...r.maybe(["-r", r.pick(ROLES)])],
  (r) => ["iam-instanceprofiledel", "-s", r.pick(PROFILES), ...r.maybe(["-c"])],
  (r) => ["iam-instanceprofileaddrole", "-s", r.pick(PROFILES), "-r", r.pick(ROLES)],
  (r) => ["iam-instanceprofileremoverole", "-s", r.pick(PROFILES), "-r", r.pick(ROLES)],
  (r) => ["iam-policycreate", "-p", r.pick(POLICIES), "-o", DOCUMENT],
  (r) => ["iam-policydel", "-a", policyArn(r.pick(POLICIES)), ...r.maybe(["-r"])],
  (r) => ["iam-policycreateversion", "-a", policyArn(r.pick(POLICIES)), "-o", DOCUMENT],
  (r) => ["iam-policydelversion", "-a", policyArn(r.pick(POLICIES)), "-s", `v${r.int(1, 3)}`],
  (r) => ["iam-policysetdefaultversion", "-a", policyArn(r.pick(POLICIES)), "-s", `v${r.int(1, 3)}`],
  (r) => {
    const { noun, names } = holder(r);
    return [`iam-${noun}attachpolicy`, ...names, "-a", policyArn(r.pick(POLICIES))];
  },
  (r) => {
    const { noun, names } = holder(r);
    return [`iam-${noun}detachpolicy`, ...names, "-a", policyArn(r.pick(POLICIES))];
  },
  (r) => {
    const { noun, names } = holder(r);
    return [`iam-${noun}addpolicy`, ...names, "-p", "inline", "-e", "Allow", "-a", "s3:Get*", noun === "role" ? "-c" : "-r", "*"];
  },
  (r) => {
    const { noun, names } = holder(r);
    return [`iam-${noun}delpolicy`, ...names, "-p", "inline"];
  },
  (r) => {
    const { noun, names } = holder(r, [USER, ROLE]);
    return [`iam-${noun}setpermissionsboundary`, ...names, "-b", policyArn(r.pick(POLICIES))];
  },
  (r) => {
    const { noun, names } = holder(r, [USER, ROLE]);
    return [`iam-${noun}delpermissionsboundary`, ...names];
  },
  (r) => [r.pick(["iam-useraddloginprofile", "iam-usermodloginprofile"]), "-u", r.pick(USERS), "-p", r.pick(["Short-1!", "Long-Enough-Pw1", "long-enough-but-plain"])],
  (r) => ["iam-userdelloginprofile", "-u", r.pick(USERS)],
  () => ["iam-accountmodpasswordpolicy", "-m", "12", "-s", "-n", "-U", "-l"],
  () => ["iam-accountdelpasswordpolicy"],
  (r) => ["iam-accountaliascreate", "-a", r.pick(["acme", "other"])],
  (r) => ["iam-accountaliasdelete", "-a", r.pick(["acme", "other"])],
  (r, step) => ["iam-virtualmfadevicecreate", "-s", r.pick(DEVICES), "-m", "Base32StringSeed", "-o", `seed-${step}.txt`],
  (r) => ["iam-virtualmfadevicedel", "-s", serial(r.pick(DEVICES))],
  (r) => ["iam-userenablemfadevice", "-u", r.pick(USERS), "-s", r.pick([...DEVICES.map(serial), HARDWARE]), "-c1", "123456", "-c2", "654321"],
  (r) => ["iam-userdeactivatemfadevice", "-u", r.pick(USERS), "-s", r.pick([...DEVICES.map(serial), HARDWARE])],
  (r) => ["iam-useraddkey", "-u", r.pick(USERS)],
  (r) => ["iam-userdelkey", "-u", r.pick(USERS), "-k", "AKIAFAKEFAKEFAKEFAKE"],
  (r) => ["iam-useraddcert", "-u", r.pick(USERS), "-f", CERTIFICATE_FILE],
  (r) => ["iam-useraddsshkey", "-u", r.pick(USERS), "-f", SSH_KEY_FILE],
  (r) => [...taggable(r, "tag"), "-t", "team=ops"],
  (r) => [...taggable(r, "untag"), "-k", "team"],
];

/**
 * Creates about half of the universe's policies, users, groups, roles and instance profiles, and
 * ties some together (boundaries, attachments, members, a profile's role), so that short sequences
 * meet the dependents deletes and predictions must account for.
 */
async function seedAccount(r: Random): Promise<void> {
  const some = (names: string[]) => names.filter(() => r.next() < 0.5);
  const policies = some(POLICIES).map((PolicyName) => policyArn(PolicyName));
  for (const arn of policies) await moto.iam.createPolicy({ PolicyName: arn.split("/")[1], PolicyDocument: DOCUMENT });
  const aPolicy = () => (policies.length && r.next() < 0.5 ? r.pick(policies) : undefined);
  const users = some(USERS);
  for (const UserName of users) {
    await moto.iam.createUser({ UserName, PermissionsBoundary: aPolicy() });
    const PolicyArn = aPolicy();
    if (PolicyArn) await moto.iam.attachUserPolicy({ UserName, PolicyArn });
  }
  for (const GroupName of some(GROUPS)) {
    await moto.iam.createGroup({ GroupName });
    for (const UserName of some(users)) await moto.iam.addUserToGroup({ GroupName, UserName });
  }
  const roles = some(ROLES);
  for (const RoleName of roles) {
    await moto.iam.createRole({ RoleName, AssumeRolePolicyDocument: TRUST, PermissionsBoundary: aPolicy() });
    const PolicyArn = aPolicy();
    if (PolicyArn) await moto.iam.attachRolePolicy({ RoleName, PolicyArn });
  }
  for (const InstanceProfileName of some(PROFILES)) {
    await moto.iam.createInstanceProfile({ InstanceProfileName });
    if (roles.length && r.next() < 0.5) await moto.iam.addRoleToInstanceProfile({ InstanceProfileName, RoleName: r.pick(roles) });
  }
}

interface Tally {
  steps: number;
  /** Real runs by exit status: 0 changed something, 1 refused by IAM, 2 refused locally. */
  exits: Map<number, number>;
  agreed: number;
  explained: Map<string, number>;
  disagreements: string[];
  /** Runbook steps not compared, by why: after a step the not-predicted list explains, the plan's account and IAM's differ. */
  notCompared?: Map<string, number>;
}

/** Prints the tally on stderr when DIFFERENTIAL_REPORT is set. */
function report(tally: Tally, seeds: number[], steps: number): void {
  if (!process.env.DIFFERENTIAL_REPORT) return;
  const explained = [...tally.explained.values()].reduce((a, b) => a + b, 0);
  const notCompared = tally.notCompared === undefined ? "" : `, ${[...tally.notCompared.values()].reduce((a, b) => a + b, 0)} not compared`;
  const lines = [
    `${tally.steps} steps over seeds ${seeds[0]}..${seeds.at(-1)} (${steps} each): ${tally.agreed} agreed, ${explained} explained by the not-predicted list${notCompared}, ${tally.disagreements.length} disagreed`,
    `  real runs by exit status: ${[...tally.exits].sort(([a], [b]) => a - b).map(([code, n]) => `${n} × ${code}`).join(", ")}`,
    ...[...tally.explained].map(([says, n]) => `  ${n} × ${says}`),
    ...[...(tally.notCompared ?? [])].map(([because, n]) => `  ${n} not compared, after ${because}`),
    ...tally.disagreements,
  ];
  process.stderr.write(`${lines.join("\n")}\n`);
}

/** Runs `steps` commands, each dry then real, and tallies how the dry runs held. */
async function runSequence(seed: number, steps: number, tally: Tally): Promise<void> {
  const r = seeded(seed);
  await seedAccount(r);
  for (let step = 0; step < steps; step++) {
    const argv = r.pick(COMMANDS)(r, `${seed}-${step}`);
    const dry = await observe([...argv, "--dry-run", "--json"]);
    const real = await observe(argv);
    const verdict = judge(dry, real);
    tally.steps++;
    tally.exits.set(real.result.code, (tally.exits.get(real.result.code) ?? 0) + 1);
    if (verdict.agrees === true) tally.agreed++;
    else if (verdict.agrees === "explained") tally.explained.set(verdict.by.says, (tally.explained.get(verdict.by.says) ?? 0) + 1);
    else tally.disagreements.push(`seed ${seed} step ${step}: ${argv.join(" ")}: ${verdict.why}\n  dry: ${JSON.stringify(dry.result)}\n  real: ${JSON.stringify(real.result)}`);
  }
}

const STEPS = Number(process.env.DIFFERENTIAL_STEPS ?? 30);
const FIRST = Number(process.env.DIFFERENTIAL_FIRST_SEED ?? 1);
const SEEDS = Array.from({ length: Number(process.env.DIFFERENTIAL_SEEDS ?? 4) }, (_, i) => FIRST + i);

describe("dry runs agree with real runs", () => {
  const tally: Tally = { steps: 0, exits: new Map(), agreed: 0, explained: new Map(), disagreements: [] };
  for (const seed of SEEDS) {
    it(`seed ${seed}: ${STEPS} steps, each dry run then real`, { timeout: STEPS * 4_000 }, async () => {
      const before = tally.disagreements.length;
      await runSequence(seed, STEPS, tally);
      expect(tally.disagreements.slice(before)).toEqual([]);
    });
  }
  afterAll(() => report(tally, SEEDS, STEPS));
});

/** A word as bash reads it back: single-quoted. */
const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

/**
 * A runbook of `steps` commands of the universe, without `set -e`: every step runs whatever the
 * ones before it did, and leaves its exit status and standard error in $STEPS/<n>.code and .err.
 */
function runbook(steps: string[][]): string {
  const lines = steps.map((argv, step) => `${argv.map(quote).join(" ")} >/dev/null 2>"$STEPS/${step}.err"; echo $? >"$STEPS/${step}.code"`);
  return `${["#!/bin/bash", ...lines].join("\n")}\n`;
}

/** A seeded runbook: `steps` commands of the universe. */
const randomSteps = (r: Random, seed: number, steps: number) => Array.from({ length: steps }, (_, step) => r.pick(COMMANDS)(r, `plan-${seed}-${step}`));

/** Runs `command` with the installed bins first on PATH, through the recording endpoint; returns each step's exit status and stderr. */
async function runRunbook(command: string[], steps: number) {
  const dir = mkdtempSync(join(tmpdir(), "iamkit-plan-differential-"));
  const from = recorder.requests.length;
  const env = { ...moto.env, AWS_IAM_URL: recorder.url, PATH: `${join(ROOT, ".bin")}:${process.env.PATH}`, STEPS: dir };
  const ended = await start(command[0], command.slice(1), { env, cwd: moto.dir }).ended;
  const real = Array.from({ length: steps }, (_, step) => ({
    code: Number(readFileSync(join(dir, `${step}.code`), "utf8")),
    stderr: readFileSync(join(dir, `${step}.err`), "utf8"),
  }));
  rmSync(dir, { recursive: true, force: true });
  return { ended, real, requests: recorder.requests.slice(from) };
}

/** A fresh account set up by `setUp` (moto reset, the command cache forgotten). */
async function reset<T>(setUp: () => Promise<T>): Promise<T> {
  await fetch(`${moto.url}/moto-api/reset`, { method: "POST" });
  rmSync(moto.env.IAMKIT_CACHE_DIR!, { recursive: true, force: true });
  return setUp();
}

/** Plans a runbook (the script `name`) on the starting account set up by `setUp`: the plan's document, each step's exit status and stderr, its requests. */
async function planRunbook(name: string, steps: string[][], setUp: () => Promise<unknown>) {
  const script = join(moto.dir, name);
  writeFileSync(script, runbook(steps));
  await reset(setUp);
  const plan = await runRunbook([process.execPath, binPath("iamkit"), "plan", "--json", script], steps.length);
  return { script, plan, Steps: (JSON.parse(plan.ended.stdout) as { Steps: PlannedStep[] }).Steps };
}

/** Plans a runbook (the script `name`), then runs it for real on the same starting account set up by `setUp`, and judges each step. */
async function planThenRun(name: string, steps: string[][], setUp: () => Promise<unknown>) {
  const { script, plan, Steps } = await planRunbook(name, steps, setUp);
  await reset(setUp);
  const real = await runRunbook(["bash", script], steps.length);
  const planned = Steps.map((step, i) => ({ ...step, stderr: plan.real[i].stderr }));
  return { Steps, real, ...judgeRunbook(planned, real.real, plan.requests, real.requests) };
}

/** Plans a seeded runbook, then runs it for real on the same starting account, and tallies the steps. */
async function runRunbookSequence(seed: number, steps: number, tally: Tally): Promise<void> {
  // The runbook's steps are drawn after the account's seeding, from the same sequence.
  const r = await reset(async () => {
    const r = seeded(seed);
    await seedAccount(r);
    return r;
  });
  const { Steps, real, verdicts, why } = await planThenRun(`plan-${seed}.sh`, randomSteps(r, seed, steps), () => seedAccount(seeded(seed)));
  if (why) tally.disagreements.push(`seed ${seed}: ${why}`);
  verdicts.forEach((verdict, step) => {
    tally.steps++;
    tally.exits.set(real.real[step].code, (tally.exits.get(real.real[step].code) ?? 0) + 1);
    if (verdict.agrees === true) tally.agreed++;
    else if (verdict.agrees === "explained") tally.explained.set(verdict.by.says, (tally.explained.get(verdict.by.says) ?? 0) + 1);
    else if (verdict.agrees === "not compared") tally.notCompared!.set(verdict.because, (tally.notCompared!.get(verdict.because) ?? 0) + 1);
    else {
      const before = Steps.slice(0, step).map((s, i) => `\n  ${i}: ${s.CommandLine} (planned ${s.ExitCode}, really ${real.real[i].code})`);
      tally.disagreements.push(`seed ${seed} step ${step}: ${Steps[step].CommandLine}: ${verdict.why}${before.join("")}\n  planned: ${JSON.stringify(Steps[step])}\n  really: ${JSON.stringify(real.real[step])}`);
    }
  });
}

const PLAN_STEPS = Number(process.env.DIFFERENTIAL_STEPS ?? 20);
const PLAN_SEEDS = Array.from({ length: Number(process.env.DIFFERENTIAL_SEEDS ?? 4) }, (_, i) => FIRST + i);

describe("runbooks planned agree with runbooks really run", () => {
  const tally: Tally = { steps: 0, exits: new Map(), agreed: 0, explained: new Map(), disagreements: [], notCompared: new Map() };
  for (const seed of PLAN_SEEDS) {
    it(`seed ${seed}: a runbook of ${PLAN_STEPS} steps, planned then run`, { timeout: PLAN_STEPS * 4_000 }, async () => {
      const before = tally.disagreements.length;
      await runRunbookSequence(seed, PLAN_STEPS, tally);
      expect(tally.disagreements.slice(before)).toEqual([]);
    });
  }
  afterAll(() => report(tally, PLAN_SEEDS, PLAN_STEPS));
});

describe("steps the differential search found mispredicted, judged the same way", () => {
  const agrees = async (...argv: string[]) => {
    const dry = await observe([...argv, "--dry-run", "--json"]);
    const real = await observe(argv);
    expect(judge(dry, real), argv.join(" ")).toEqual({ agrees: true });
    return { dry: dry.result, real: real.result };
  };

  it("iam-policydel -r of a user's and a role's permissions boundary: planned and done without a conflict", async () => {
    await moto.iam.createPolicy({ PolicyName: "read", PolicyDocument: DOCUMENT });
    await moto.iam.createUser({ UserName: "ann", PermissionsBoundary: policyArn("read") });
    await moto.iam.createRole({ RoleName: "web", AssumeRolePolicyDocument: TRUST });
    await agrees("iam-rolesetpermissionsboundary", "-r", "web", "-b", policyArn("read"));
    const refused = await agrees("iam-policydel", "-a", policyArn("read"));
    expect(refused.real.stderr).toMatch(/^iam-policydel: error \(DeleteConflict\)/);
    const { dry, real } = await agrees("iam-policydel", "-a", policyArn("read"), "-r");
    expect(dry.code).toBe(0);
    expect(real.code).toBe(0);
  });

  it("iam-policydel -r after a step removed a user's permissions boundary: planned without removing it again, as done", { timeout: 20_000 }, async () => {
    const setUp = async () => {
      await moto.iam.createPolicy({ PolicyName: "read", PolicyDocument: DOCUMENT });
      await moto.iam.createUser({ UserName: "ann", PermissionsBoundary: policyArn("read") });
      await moto.iam.createUser({ UserName: "bob", PermissionsBoundary: policyArn("read") });
    };
    const { Steps, why, verdicts } = await planThenRun("boundary-removed.sh", [
      ["iam-userdelpermissionsboundary", "-u", "ann"],
      ["iam-policydel", "-a", policyArn("read"), "-r"],
    ], setUp);
    expect(why).toBeUndefined();
    expect(verdicts).toEqual([{ agrees: true }, { agrees: true }]);
    expect(Steps[1].Changes.map((c) => [c.Action, c.Input])).toEqual([
      ["DeleteUserPermissionsBoundary", { UserName: "bob" }],
      ["DeletePolicy", { PolicyArn: policyArn("read") }],
    ]);
  });

  it("EnableMFADevice: a hardware device the user holds already, a virtual device ARN that does not exist", async () => {
    await moto.iam.createUser({ UserName: "ann" });
    const enable = (serialNumber: string) => agrees("iam-userenablemfadevice", "-u", "ann", "-s", serialNumber, "-c1", "123456", "-c2", "654321");
    expect((await enable(HARDWARE)).real.code).toBe(0);
    expect((await enable(HARDWARE)).dry.stderr).toMatch(/would fail: EntityAlreadyExists: EnableMFADevice/);
    expect((await enable(serial("ghost"))).dry.stderr).toMatch(/would fail: NoSuchEntity: EnableMFADevice/);
  });
});

describe("renames, planned then run: later steps know the entity by its new name only", { timeout: 60_000 }, () => {
  /** Plans and runs the steps; every step must agree, and exit as `codes` says. */
  const agreeing = async (name: string, steps: string[][], codes: number[], setUp: () => Promise<unknown>) => {
    const outcome = await planThenRun(name, steps, setUp);
    expect(outcome.why).toBeUndefined();
    expect(outcome.verdicts).toEqual(steps.map(() => ({ agrees: true })));
    expect(outcome.Steps.map((step) => step.ExitCode)).toEqual(codes);
    return outcome;
  };
  // Keys are added after the renames: moto forgets which user holds a key made before one.

  it("a user renamed: a key and a group under the new name, its policy and boundary found by -r, the old name NoSuchEntity and free again", async () => {
    const { Steps } = await agreeing(
      "user-renamed.sh",
      [
        ["iam-usermod", "-u", "ann", "-n", "amy"],
        ["iam-useraddkey", "-u", "amy"],
        ["iam-groupadduser", "-g", "dev", "-u", "amy"],
        ["iam-useraddkey", "-u", "ann"],
        ["iam-groupadduser", "-g", "ops", "-u", "ann"],
        ["iam-userdel", "-u", "amy"],
        ["iam-groupdel", "-g", "ops"],
        ["iam-policydel", "-a", policyArn("read"), "-r"],
        ["iam-userdel", "-u", "amy", "-r"],
        ["iam-groupdel", "-g", "ops"],
        ["iam-usercreate", "-u", "ann"],
      ],
      [0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0],
      async () => {
        await moto.iam.createPolicy({ PolicyName: "read", PolicyDocument: DOCUMENT });
        await moto.iam.createUser({ UserName: "ann", PermissionsBoundary: policyArn("read") });
        await moto.iam.attachUserPolicy({ UserName: "ann", PolicyArn: policyArn("read") });
        for (const GroupName of GROUPS) await moto.iam.createGroup({ GroupName });
        await moto.iam.addUserToGroup({ GroupName: "ops", UserName: "ann" });
      },
    );
    expect(Steps[7].Changes.map((c) => c.Action)).toEqual(["DetachUserPolicy", "DeleteUserPermissionsBoundary", "DeletePolicy"]);
    expect(Steps[7].Changes[0].Input).toEqual({ UserName: "amy", PolicyArn: policyArn("read") });
  });

  it("a group renamed: its members and policies go with it, -r finds them; the old name NoSuchEntity and free again", async () => {
    await agreeing(
      "group-renamed.sh",
      [
        ["iam-groupmod", "-g", "ops", "-n", "staff"],
        ["iam-groupadduser", "-g", "ops", "-u", "ann"],
        ["iam-groupremoveuser", "-g", "staff", "-u", "ann"],
        ["iam-userdel", "-u", "bob"],
        ["iam-groupdel", "-g", "staff"],
        ["iam-groupdel", "-g", "staff", "-r"],
        ["iam-userdel", "-u", "bob"],
        ["iam-groupcreate", "-g", "ops"],
      ],
      [0, 1, 0, 1, 1, 0, 0, 0],
      async () => {
        await moto.iam.createPolicy({ PolicyName: "read", PolicyDocument: DOCUMENT });
        await moto.iam.createGroup({ GroupName: "ops" });
        await moto.iam.putGroupPolicy({ GroupName: "ops", PolicyName: "inline", PolicyDocument: DOCUMENT });
        await moto.iam.attachGroupPolicy({ GroupName: "ops", PolicyArn: policyArn("read") });
        for (const UserName of ["ann", "bob"]) {
          await moto.iam.createUser({ UserName });
          await moto.iam.addUserToGroup({ GroupName: "ops", UserName });
        }
      },
    );
  });

  it("a user the runbook created, renamed twice and moved, in a renamed group: deleted with -r under its last name", async () => {
    await agreeing(
      "created-renamed.sh",
      [
        ["iam-usercreate", "-u", "cid", "-g", "ops"],
        ["iam-usermod", "-u", "cid", "-n", "dee"],
        ["iam-groupmod", "-g", "ops", "-n", "staff"],
        ["iam-usermod", "-u", "dee", "-n", "eve", "-p", "/contractors/"],
        ["iam-useraddkey", "-u", "eve"],
        ["iam-useraddkey", "-u", "dee"],
        ["iam-groupdel", "-g", "staff"],
        ["iam-userdel", "-u", "eve", "-r"],
        ["iam-groupdel", "-g", "staff"],
      ],
      [0, 0, 0, 0, 0, 1, 1, 0, 0],
      () => moto.iam.createGroup({ GroupName: "ops" }),
    );
  });

  // Planned only: moto 5.2.3 has no UpdateServerCertificate, and answers it without renaming anything.
  it("a server certificate renamed: deleted under its new name, its old name NoSuchEntity (planned, not run)", async () => {
    const { Steps } = await planRunbook(
      "certificate-renamed.sh",
      [
        ["iam-servercertupload", "-s", "www", "--generate"],
        ["iam-servercertmod", "-s", "www", "-n", "web"],
        ["iam-servercertdel", "-s", "www"],
        ["iam-servercertdel", "-s", "web"],
      ],
      async () => {},
    );
    expect(Steps.map((step) => step.ExitCode)).toEqual([0, 0, 1, 0]);
    expect(Steps[2].WouldFail).toBe("NoSuchEntity: DeleteServerCertificate: server certificate www does not exist");
  });
});

describe("the not-predicted list", () => {
  it("docs/output.md shows docs/dry-run-not-predicted.json, entry for entry", () => {
    const doc = readFileSync(join(ROOT, "docs/output.md"), "utf8");
    const shown = NOT_PREDICTED.map((entry, i) => `- ${entry.says}${i === NOT_PREDICTED.length - 1 ? "." : ";"}`).join("\n");
    expect(doc).toContain(`<!-- The list below is docs/dry-run-not-predicted.json; a test keeps them the same. -->\n${shown}\n\n`);
  });
});

describe("the judge", () => {
  const request = (Action: string, params: Record<string, string> = {}, status = 200): Answered => ({
    method: "POST",
    path: "/",
    headers: {},
    body: "",
    params: { Action, Version: "2010-05-08", ...params },
    status,
  });
  const plan = (...steps: [string, Record<string, unknown>][]) => JSON.stringify({ DryRun: steps.map(([Action, Input]) => ({ Action, Input })) });
  const run = (code: number, stdout: string, stderr: string, requests: Answered[]): Observed => ({ result: { code, stdout, stderr }, requests });
  const created = plan(["CreateUser", { UserName: "ann", Tags: [{ Key: "team", Value: "ops" }] }], ["create credential file", { Path: "x" }]);
  const sent = [request("GetUser", { UserName: "ann" }, 404), request("CreateUser", { UserName: "ann", "Tags.member.1.Key": "team", "Tags.member.1.Value": "ops" })];

  it("agrees when the plan names exactly the writes sent (lists in Query form, local steps aside)", () => {
    expect(judge(run(0, created, "", [request("GetUser", { UserName: "ann" }, 404)]), run(0, "", "", sent))).toEqual({ agrees: true });
  });

  it("disagrees when the dry run sent a write, or the plan and the writes differ", () => {
    expect(judge(run(0, created, "", [request("CreateUser", { UserName: "ann" })]), run(0, "", "", sent))).toMatchObject({ agrees: false });
    expect(judge(run(0, plan(["CreateUser", { UserName: "bob" }]), "", []), run(0, "", "", sent))).toMatchObject({ agrees: false });
  });

  it("disagrees on exit status or error code; a success predicted for a listed refusal is explained", () => {
    const refused = (code: string, action: string, params: Record<string, string>) =>
      run(1, "", `iam-x: error (${code}): no\n`, [request(action, params, code === "NoSuchEntity" ? 404 : 409)]);
    const predicted = run(1, "", "iam-x: would fail: NoSuchEntity: DeleteUser: user ann does not exist\n", []);
    expect(judge(predicted, refused("NoSuchEntity", "DeleteUser", { UserName: "ann" }))).toEqual({ agrees: true });
    expect(judge(predicted, refused("DeleteConflict", "DeleteUser", { UserName: "ann" }))).toMatchObject({ agrees: false });
    expect(judge(run(0, "", "", []), refused("DeleteConflict", "DeleteUser", { UserName: "ann" }))).toMatchObject({ agrees: false });
    const sameName = refused("EntityAlreadyExists", "UpdateGroup", { GroupName: "ops", NewGroupName: "ops" });
    expect(judge(run(0, "", "", []), sameName)).toMatchObject({ agrees: "explained" });
    const otherName = refused("EntityAlreadyExists", "UpdateGroup", { GroupName: "ops", NewGroupName: "dev" });
    expect(judge(run(0, "", "", []), otherName)).toMatchObject({ agrees: false });
    const hardware = (SerialNumber: string) => refused("NoSuchEntity", "EnableMFADevice", { UserName: "ann", SerialNumber });
    expect(judge(run(0, "", "", []), hardware("GAHT12345678"))).toMatchObject({ agrees: "explained" });
    expect(judge(run(0, "", "", []), hardware(`arn:aws:iam::${ACCOUNT}:mfa/ghost`))).toMatchObject({ agrees: false });
  });

  it("a runbook's writes: the id the plan chose for a key it created stands for IAM's; a key the account held must be the same one", () => {
    const step = (...Changes: [string, Record<string, unknown>][]): PlannedStep => ({ CommandLine: "", ExitCode: 0, Changes: Changes.map(([Action, Input]) => ({ Action, Input })) });
    const planned = (held: string) => [
      step(["CreateAccessKey", { UserName: "ann" }]),
      step(["DeleteAccessKey", { UserName: "ann", AccessKeyId: "AKIAPLANNEDPLANNED00" }], ["DeleteAccessKey", { UserName: "ann", AccessKeyId: held }]),
    ];
    const sent = [
      { ...request("CreateAccessKey", { UserName: "ann" }), chosenId: "AKIACREATEDCREATED00" },
      request("DeleteAccessKey", { UserName: "ann", AccessKeyId: "AKIACREATEDCREATED00" }),
      request("DeleteAccessKey", { UserName: "ann", AccessKeyId: "AKIAHELDHELDHELD0001" }),
    ];
    const ran = [{ code: 0, stderr: "" }, { code: 0, stderr: "" }];
    expect(judgeRunbook(planned("AKIAHELDHELDHELD0001"), ran, [], sent)).toEqual({ verdicts: [{ agrees: true }, { agrees: true }] });
    expect(judgeRunbook(planned("AKIAHELDHELDHELD0002"), ran, [], sent).why).toMatch(/^planned /);
  });
});
