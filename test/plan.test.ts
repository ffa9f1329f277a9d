import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, fileMode, useMoto } from "./harness/moto.js";
import { binPath, start } from "./harness/run-bin.js";
import { useWire } from "./harness/wire.js";

/**
 * `iamkit plan` against the same runbook really run: each runbook is planned, then (moto reset and
 * seeded again) run with bash, and the two must agree step for step: the same commands with the
 * same exit codes, the same IAM error codes, the same output. Every request of the plan crosses a
 * recording wire in front of the strict IAM layer, which proves that the plan sent only reads.
 */
const moto = useMoto();
const wire = useWire(moto);
const RUNBOOKS = join(ROOT, "test/runbooks");

/** A directory of recorders, one per iam- and euare- name, that log each step's exit code (record-step.sh). */
let recorders: string;
beforeAll(() => {
  recorders = mkdtempSync(join(tmpdir(), "iamkit-plan-bins-"));
  const recorder = join(RUNBOOKS, "record-step.sh");
  chmodSync(recorder, 0o755);
  for (const name of readdirSync(join(ROOT, ".bin")).filter((n) => /^(iam|euare)-/.test(n))) symlinkSync(recorder, join(recorders, name));
});

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  /** `<exit code> <command line>` per step, as the recorders logged them. */
  steps: string[];
  /** The IAM error code each refused step printed, in order. */
  refusals: string[];
  /** The directory the runbook ran in (its HOME too). */
  dir: string;
}

/**
 * Placeholder and real ids and secrets differ by design: compared as their shapes. A unique id
 * (a user's, a group's, a signing certificate's...) is 20 to 32 letters and digits on a line of
 * its own: moto forms some in lower case, unlike IAM, so the plan's own are checked against IAM's
 * form separately.
 */
const shapes = (text: string) =>
  text
    .replace(/\bAKIA[A-Z0-9]{16}\b/g, "AKIA<16>")
    .replace(/^[A-Za-z0-9/+]{40}$/gm, "<secret: 40>")
    .replace(/^[A-Za-z0-9]{20,32}$/gm, "<unique id>")
    .replace(/\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z\b/g, "<date>");

/** Runs `command` (bash or `iamkit plan`) on a copy of the runbooks, with the recorders first on PATH. */
async function run(command: string[], stdin?: string, unset: string[] = []): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), "iamkit-runbook-"));
  for (const file of readdirSync(RUNBOOKS)) copyFileSync(join(RUNBOOKS, file), join(dir, file));
  const log = join(dir, "steps.log");
  const env = {
    ...moto.env,
    AWS_IAM_URL: wire.url,
    HOME: dir,
    PATH: `${recorders}:${process.env.PATH}`,
    IAMKIT_BINS: join(ROOT, ".bin"),
    STEP_LOG: log,
    // Seed 002's .eucarc names the endpoint with it.
    MOTO_URL: wire.url,
  };
  for (const name of unset) delete env[name as keyof typeof env];
  const started = start(command[0], command.slice(1), { env, cwd: dir, stdio: [stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
  started.child.stdin?.end(stdin);
  const { code, stdout, stderr } = await started.ended;
  const steps = existsSync(log) ? shapes(readFileSync(log, "utf8")).trimEnd().split("\n") : [];
  const refusals = [...stderr.matchAll(/^(?:iam|euare)-\w+: error \((\w+)\)/gm)].map((m) => m[1]);
  return { code, stdout, stderr, steps, refusals, dir };
}

const plan = (script: string, ...args: string[]) => run([process.execPath, binPath("iamkit"), "plan", script, ...args]);
const really = (script: string, ...args: string[]) => run(["bash", script, ...args]);

const isRead = (action: string) => /^(Get|List|Generate|Simulate)/.test(action);

/** Plans the runbook (checking it sent only reads), then runs it for real on the same seeded account. */
async function planThenRun(seed: () => Promise<void>, script: string, ...args: string[]) {
  await seed();
  wire.requests.length = 0;
  const planned = await plan(script, ...args);
  const sent = wire.requests.map((r) => r.params.Action);
  expect(sent.length).toBeGreaterThan(0);
  expect(sent.filter((action) => !isRead(action))).toEqual([]);
  await fetch(`${moto.url}/moto-api/reset`, { method: "POST" });
  await seed();
  const real = await really(script, ...args);
  expect(planned.steps).toEqual(real.steps);
  expect(planned.refusals).toEqual(real.refusals);
  expect(shapes(planned.stdout)).toBe(shapes(real.stdout));
  // A refused step makes the plan exit 1; otherwise the plan exits as the runbook does.
  expect(planned.code).toBe(planned.refusals.length > 0 ? 1 : real.code);
  return { planned, real, sent };
}

async function seedYan() {
  await moto.iam.createUser({ UserName: "yan" });
  await moto.iam.createGroup({ GroupName: "ops" });
  await moto.iam.createAccessKey({ UserName: "yan" });
}

// Each runbook runs twice, a process per step: minutes on a busy machine, not seconds.
describe("iamkit plan", { timeout: 240_000 }, () => {
  it("onboarding: a policy created then attached, a loop over users, key ids captured into files; the account read once", async () => {
    const { planned, real, sent } = await planThenRun(async () => {}, "onboarding.sh", "dev", "ann", "bob");
    expect(planned.code).toBe(0);
    expect(planned.steps).toHaveLength(13);
    for (const user of ["ann", "bob"]) {
      expect(readFileSync(join(planned.dir, `${user}.key-id`), "utf8")).toMatch(/^AKIA[A-Z0-9]{16}\n$/);
      expect(readFileSync(join(real.dir, `${user}.key-id`), "utf8")).toMatch(/^AKIA[A-Z0-9]{16}\n$/);
    }
    // Thirteen steps, each judged against one account view: its quotas are read once, not per step.
    expect(sent.filter((action) => action === "GetAccountSummary")).toHaveLength(1);
    expect(planned.stderr).toMatch(/^iamkit plan: 13 steps, none would fail; nothing was changed in IAM$/m);
  });

  it("clean-up: refusals only earlier steps cause, a name created then deleted, a misspelt name", async () => {
    const { planned } = await planThenRun(seedYan, "clean-up.sh");
    expect(planned.refusals).toEqual(["DeleteConflict", "LimitExceeded", "NoSuchEntity", "NoSuchEntity"]);
    expect(planned.code).toBe(1);
    const summary = planned.stderr.slice(planned.stderr.indexOf("iamkit plan: only"));
    expect(summary.split("\n")[0]).toBe("iamkit plan: only iam-*/euare-* commands were planned: every other command in the script ran for real");
    expect(summary).toContain(
      "step 3: iam-groupdel -g temp\n  DeleteGroup\n  \tGroupName: temp\n  would fail: DeleteConflict: DeleteGroup: group temp still has 1 member (delete them first, or use -r)\n",
    );
    expect(summary).toContain("would fail: LimitExceeded: CreateAccessKey: user yan already has 2, the account's AccessKeysPerUserQuota is 2\n");
    expect(summary).toContain("step 9: iam-groupremoveuser -g ops -u alcie\n");
    expect(summary).toMatch(/\niamkit plan: 13 steps, 4 would fail; nothing was changed in IAM\n$/);
    // The runbook's own error handling ran as it would: the real run exits 0 (its last steps succeed).
    expect(planned.stdout).toBe("temp kept\ncontractor gone\nmisspelt\nIsTruncated: false\narn:aws:iam::123456789012:user/yan\nIsTruncated: false\n");
  });

  it("renames and moves: later steps see the user and the group by their new names, ARNs and paths; the old names are gone", async () => {
    // No key before the rename: moto forgets which user holds it once renamed, and cannot delete it.
    const { planned } = await planThenRun(async () => {
      await moto.iam.createUser({ UserName: "yan" });
      await moto.iam.createGroup({ GroupName: "ops" });
      await moto.iam.createGroup({ GroupName: "dev" });
      await moto.iam.addUserToGroup({ GroupName: "ops", UserName: "yan" });
      await moto.iam.putUserPolicy({ UserName: "yan", PolicyName: "inline", PolicyDocument: readFileSync(join(RUNBOOKS, "read-only.json"), "utf8") });
    }, "renames.sh");
      expect(planned.refusals).toEqual(["NoSuchEntity", "NoSuchEntity", "DeleteConflict"]);
    expect(planned.code).toBe(1);
    expect(readFileSync(join(planned.dir, "zed.key-id"), "utf8")).toMatch(/^AKIA[A-Z2-7]{16}\n$/);
    const [admins, zed] = ["arn:aws:iam::123456789012:group/admins", "arn:aws:iam::123456789012:user/staff/zed"];
    expect(shapes(planned.stdout)).toBe(
      `${admins}\n${zed}\nIsTruncated: false\n` +
        `${admins}\nIsTruncated: false\n` +
        `${zed}\nIsTruncated: false\n` +
        `${zed}\n<unique id>\n` +
        '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:Get*", "s3:List*"], "Resource": "*"}]}\n' +
        "yan is gone\nops is gone\nzed holds keys and groups\n" +
        `${admins}\nIsTruncated: false\n`,
    );
    expect(planned.stderr).toMatch(/step 13: iam-userdel -u zed -r\n(  .*\n)*  DeleteUser\n  \tUserName: zed\n/);
  });

  it("set -e with euare-* steps: the refused step stops the runbook; --write-profile is planned, not written", async () => {
    const { planned, real } = await planThenRun(async () => {}, "stops.sh");
    expect(planned.code).toBe(1);
    expect(planned.refusals).toEqual(["DeleteConflict"]);
    expect(existsSync(join(planned.dir, ".aws/credentials"))).toBe(false);
    expect(fileMode(join(real.dir, ".aws/credentials"))).toBe(0o600);
    expect(planned.stderr).toContain(
      `step 3: euare-useraddkey -u ivy --write-profile ivy\n  write credentials\n  \tFile: ${planned.dir}/.aws/credentials\n  \tProfile: ivy\n  CreateAccessKey\n  \tUserName: ivy\n`,
    );
    expect(planned.stdout).not.toContain("not reached");
  });

  it("a managed policy's versions and attachments: the default version and an attached policy refused, then removed in order", async () => {
    const { planned } = await planThenRun(async () => {}, "versions.sh");
    expect(planned.refusals).toEqual(["DeleteConflict", "DeleteConflict", "NoSuchEntity"]);
    expect(planned.stdout).toBe("v2\nv1 is the default\nstill attached\nv2 default\nIsTruncated: false\ngone\nIsTruncated: false\n");
  });

  it("roles in instance profiles and a virtual MFA device: one role per profile, deletes in order; the seed file planned, not written", async () => {
    const { planned, real } = await planThenRun(async () => {}, "roles.sh");
    expect(planned.refusals).toEqual(["LimitExceeded", "DeleteConflict", "NoSuchEntity"]);
    expect(planned.stdout).toBe("holds one role\nstill in a profile\narn:aws:iam::123456789012:instance-profile/app-profile\nIsTruncated: false\nIsTruncated: false\nalready deleted\n");
    expect(existsSync(join(planned.dir, "ops-token.seed"))).toBe(false);
    expect(fileMode(join(real.dir, "ops-token.seed"))).toBe(0o600);
  });

  it.each(["001-service-account.sh", "002-euca2ools-guide.sh", "003-app-users.sh"])(
    "the seed articles' runbooks plan as they run: %s",
    async (seed) => {
      const { planned } = await planThenRun(async () => {}, join(ROOT, "test/seeds", seed));
      expect(planned.code).toBe(0);
      expect(planned.steps.length).toBeGreaterThanOrEqual(4);
    },
  );

  it("placeholder answers have IAM's shapes: key ids, secrets, ARNs and ids print as the real ones do", async () => {
    const { planned } = await planThenRun(async () => {}, "shapes.sh");
    expect(planned.code).toBe(0);
    // IAM's forms (IAM User Guide, "IAM identifiers": unique ids begin AIDA for a user, AGPA a
    // group, AROA a role, ANPA a managed policy; access key ids AKIA).
    const [keyId, secret, userArn, userId, groupArn, groupId, roleArn, roleId] = planned.stdout.split("\n");
    expect([keyId, secret, userArn, groupArn, roleArn]).toEqual([
      expect.stringMatching(/^AKIA[A-Z2-7]{16}$/),
      expect.stringMatching(/^[A-Za-z0-9/+]{40}$/),
      "arn:aws:iam::123456789012:user/ivy",
      "arn:aws:iam::123456789012:group/interns",
      "arn:aws:iam::123456789012:role/webserver",
    ]);
    expect([userId, groupId, roleId]).toEqual([expect.stringMatching(/^AIDA[A-Z2-7]{17}$/), expect.stringMatching(/^AGPA[A-Z2-7]{17}$/), expect.stringMatching(/^AROA[A-Z2-7]{17}$/)]);
    expect(planned.stdout).toMatch(/\narn:aws:iam::123456789012:policy\/interns-read\nANPA[A-Z2-7]{17}\n40\n$/);
  });

  it("--json: one document on stdout, the script read from standard input, its output on stderr", async () => {
    await seedYan();
    const script = readFileSync(join(RUNBOOKS, "clean-up.sh"), "utf8");
    const res = await run([process.execPath, binPath("iamkit"), "plan", "--json", "-"], script);
    expect(res.code).toBe(1);
    const document = JSON.parse(res.stdout);
    expect(document.Steps).toHaveLength(13);
    expect(document.Steps.filter((s: { WouldFail?: string }) => s.WouldFail).map((s: { WouldFail: string }) => s.WouldFail.split(":")[0])).toEqual([
      "DeleteConflict",
      "LimitExceeded",
      "NoSuchEntity",
      "NoSuchEntity",
    ]);
    expect(document.Steps[1]).toEqual({
      CommandLine: "iam-groupadduser -g temp -u yan",
      ExitCode: 0,
      Changes: [{ Action: "AddUserToGroup", Input: { GroupName: "temp", UserName: "yan" } }],
    });
    expect(document.ExitCode).toBe(1);
    expect(res.stderr).toContain("temp kept\n");
  });

  it("a password is never shown, and a script failing for its own reasons gives its own status", async () => {
    await moto.iam.createUser({ UserName: "ann" });
    const res = await run(["bash", "-c", `${process.execPath} ${binPath("iamkit")} plan /dev/stdin <<'EOF'\niam-useraddloginprofile -u ann -p 'S3cret-Pass!'\nexit 3\nEOF`]);
    expect(res.code).toBe(3);
    expect(res.stderr).toContain("step 1: iam-useraddloginprofile -u ann -p (hidden)\n  CreateLoginProfile\n  \tUserName: ann\n  \tPassword: (hidden)\n");
    expect(res.stderr).not.toContain("S3cret");
    expect(res.stderr).toMatch(/iamkit plan: 1 step, none would be refused, but the script exits 3; nothing was changed in IAM\n$/);
  });

  it("a password policy set by one step is there for the next, and gone after it was deleted", async () => {
    const script = "iam-accountmodpasswordpolicy -m 12\niam-accountdelpasswordpolicy\niam-accountdelpasswordpolicy\n";
    const res = await run(["bash", "-c", `${process.execPath} ${binPath("iamkit")} plan /dev/stdin <<'EOF'\n${script}EOF`]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("step 2: iam-accountdelpasswordpolicy\n  DeleteAccountPasswordPolicy\nstep 3:");
    expect(res.stderr).toMatch(/step 3: iam-accountdelpasswordpolicy\n  DeleteAccountPasswordPolicy\n  would fail: NoSuchEntity: /);
  });

  it("bad input and missing credentials: one line, exit 2 or 3, no step run", async () => {
    wire.requests.length = 0;
    const missing = await run([process.execPath, binPath("iamkit"), "plan", "nosuch.sh"]);
    expect(missing).toMatchObject({ code: 2, stdout: "", stderr: "iamkit plan: script nosuch.sh does not exist\n" });
    const unknown = await run([process.execPath, binPath("iamkit"), "plan", "--yes", "clean-up.sh"]);
    expect(unknown).toMatchObject({ code: 2, stdout: "", stderr: "iamkit plan: unknown option --yes; see iamkit plan -h\n" });
    expect(wire.requests).toEqual([]);
    // Credentials are resolved before the script starts: one error, not one per step.
    const anonymous = await run([process.execPath, binPath("iamkit"), "plan", "stops.sh"], undefined, ["AWS_CREDENTIAL_FILE"]);
    expect(anonymous).toMatchObject({ code: 3, stdout: "", steps: [] });
    expect(anonymous.stderr).toBe(
      "iamkit plan: no AWS credentials found: use --aws-credential-file, AWS_CREDENTIAL_FILE, --profile or the standard AWS variables\n",
    );
  });
});
