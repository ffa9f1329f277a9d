import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freePort, useMoto, writeTestFile } from "./harness/moto.js";
import { runCli, type CliResult } from "./harness/run-cli.js";
import { policyAllowing, seedLoadedUser, selfSignedPem } from "./harness/fixtures.js";
import { iamError, startLoopbackProxy, type CapturedRequest } from "./support/loopback-proxy.mjs";

/*
 * End-to-end fault injection: every command runs against moto through the loopback proxy, which
 * answers chosen requests with IAM's throttling and server errors, resets the connection or never
 * answers. Which requests fail is decided by sequence number (a retry is a new request with a new
 * number), never at random, so a run is the same every time.
 */

const moto = useMoto();

/** The faults, as IAM sends them (messages from IAM's list of common errors). */
const FAULTS = {
  throttling: { status: 400, body: iamError("Throttling", "Rate exceeded") },
  throttling429: { status: 429, body: iamError("Throttling", "Rate exceeded") },
  unavailable: {
    status: 503,
    body: iamError("ServiceUnavailable", "The request has failed due to a temporary failure of the server.", "Receiver"),
  },
  internal: {
    status: 500,
    body: iamError("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", "Receiver"),
  },
  reset: "reset",
  stall: "stall",
} as const;
type Fault = keyof typeof FAULTS;

/**
 * What the proxy does with one request: a fault instead of forwarding it, or a fault after
 * forwarding it (IAM acted; its answer is lost).
 */
type Injection = Fault | { afterForward: Fault };
type Plan = (req: CapturedRequest, seq: number) => Injection | undefined;

const action = (req: CapturedRequest) => req.params.Action;

/**
 * Creates IAM does not deduplicate: iamkit must not retry them after a fault that may come after
 * IAM acted (5xx, reset, timeout). A plan of such faults gives these a throttling error instead,
 * which iamkit may and must retry; the unsafe case has its own tests below.
 */
const NOT_IDEMPOTENT = new Set(["CreateAccessKey", "CreatePolicyVersion", "CreateServiceSpecificCredential"]);

/** iamkit's default attempts per request, the first included (src/aws/client-config.ts). */
const ATTEMPTS = 5;

/** Which attempt a request is, from the SDK's `amz-sdk-request: attempt=2; max=5` header. */
const attempt = (req: CapturedRequest) => Number(/^attempt=(\d+);/.exec(req.headers["amz-sdk-request"] ?? "")?.[1]);

/**
 * `faults[seq % modulus]` for every request: modulus 10 and three entries is 30% of requests.
 * The last attempt iamkit permits is never faulted, so however concurrent requests interleave (a
 * recursive delete sends eight at once), no request can meet a fault on every attempt: the faults
 * are transient by construction, and a command that retries as configured always succeeds.
 */
function bySequence(modulus: number, faults: Record<number, Fault>): Plan {
  return (req, seq) => {
    const fault = faults[seq % modulus];
    if (!fault || attempt(req) >= ATTEMPTS) return undefined;
    return NOT_IDEMPOTENT.has(action(req)) && !fault.startsWith("throttling") ? "throttling" : fault;
  };
}

/** Every request for which `matches` holds fails the same way: a fault no retry can get past. */
const persistent =
  (fault: Fault, matches: (req: CapturedRequest) => boolean): Plan =>
  (req) =>
    matches(req) ? fault : undefined;

interface Injected {
  seq: number;
  action: string;
  fault: Fault;
  afterForward: boolean;
}

/** One proxy for the file; each test sets its plan and starts from sequence number 0. */
function useFaultProxy() {
  let proxy: Awaited<ReturnType<typeof startLoopbackProxy>>;
  let plan: Plan = () => undefined;
  const state = {
    url: "",
    requests: [] as CapturedRequest[],
    injected: [] as Injected[],
    /** How many requests and faults the tally has already counted in this test. */
    tallied: { requests: 0, injected: 0 },
    plan: (next: Plan) => void (plan = next),
  };
  beforeAll(async () => {
    proxy = await startLoopbackProxy({
      upstream: moto.url,
      decide: (req, seq) => {
        const injection = plan(req, seq);
        if (injection === undefined) return undefined;
        const fault = typeof injection === "string" ? injection : injection.afterForward;
        const afterForward = typeof injection !== "string";
        state.injected.push({ seq, action: action(req), fault, afterForward });
        return afterForward ? { afterForward: FAULTS[fault] } : FAULTS[fault];
      },
    });
    state.url = proxy.url;
    state.requests = proxy.requests;
  });
  beforeEach(() => {
    state.requests.length = 0;
    state.injected.length = 0;
    state.tallied = { requests: 0, injected: 0 };
    plan = () => undefined;
  });
  afterAll(() => proxy.close());
  return state;
}

const faulty = useFaultProxy();

/**
 * Commands back off for less than 1 ms between attempts (MaxBackoff): these tests check the
 * attempts, which actions are retried, the messages and exit codes, never how long a wait lasts.
 * The backoff users get, the AWS SDK's own, is proven in "the backoff between attempts" below.
 */
const TINY_BACKOFF: NodeJS.ProcessEnv = { IAMKIT_MAX_BACKOFF: "1" };

/** Commands talk to moto through the proxy; `extra` sets retry and timeout settings. */
const envWith = (extra: NodeJS.ProcessEnv = {}, backoff = TINY_BACKOFF) => ({ ...moto.env, AWS_IAM_URL: faulty.url, ...backoff, ...extra });
const cli = (extra: NodeJS.ProcessEnv, name: string, ...argv: string[]) => runCli(name, argv, { env: envWith(extra) });
/** The same with the backoff users get by default. */
const cliWithSdkBackoff = (extra: NodeJS.ProcessEnv, name: string, ...argv: string[]) => runCli(name, argv, { env: envWith(extra, {}) });

const sent = (name: string) => faulty.requests.filter((r) => action(r) === name);

/** Faults injected per command run, and whether the run survived them, printed for the issue's closing note. */
const tally: { test: string; requests: number; injected: Record<string, number>; survived: boolean }[] = [];
function record(test: string, survived: boolean) {
  const injected: Record<string, number> = {};
  for (const i of faulty.injected.slice(faulty.tallied.injected)) {
    const kind = `${i.fault}${i.afterForward ? " after forwarding" : ""}`;
    injected[kind] = (injected[kind] ?? 0) + 1;
  }
  tally.push({ test, requests: faulty.requests.length - faulty.tallied.requests, injected, survived });
  faulty.tallied = { requests: faulty.requests.length, injected: faulty.injected.length };
}
afterAll(() => {
  const total = (survived: boolean) =>
    tally.filter((t) => t.survived === survived).reduce((n, t) => n + Object.values(t.injected).reduce((a, b) => a + b, 0), 0);
  const lines = tally.map((t) => `  ${t.survived ? "survived" : "fatal   "} ${JSON.stringify(t.injected)} of ${t.requests} requests: ${t.test}`);
  console.log(`fault tally: ${total(true)} injected and survived, ${total(false)} injected as persistent faults\n${lines.join("\n")}`);
});

/**
 * Every injected fault was followed by a retry of the same request: same action, same parameters.
 * Proves the commands succeeded by retrying rather than by not noticing.
 */
function expectEveryFaultRetried() {
  for (const { seq } of faulty.injected) {
    const failed = faulty.requests[seq];
    const retry = faulty.requests.slice(seq + 1).find((r) => r.body === failed.body);
    expect(retry, `request ${seq} (${action(failed)}) was never retried`).toBeDefined();
    expect(attempt(retry!)).toBeGreaterThan(attempt(failed));
  }
}

/**
 * The line a request that failed for good prints: what went wrong, then which IAM action failed
 * and after how many attempts (the proposed wording; see the report on src/core/errors.ts).
 */
const gaveUp = (prog: string, what: string, failedAction: string, attempts: number) =>
  `${prog}: ${what}; ${failedAction} failed after ${attempts} attempt${attempts === 1 ? "" : "s"}`;
/** The one line a run prints the first time it sends a throttled or timed-out request again. */
const retrying = (prog: string, failedAction: string, reason: "throttled" | "timed out", attempt: number, of: number) =>
  `${prog}: retrying ${failedAction}: ${reason} (attempt ${attempt} of ${of})`;
/** That line, for runs where whether a fault met the command depends on how requests interleave. */
const RETRY_NOTICE = /^[\w-]+: retrying \w+: (throttled|timed out) \(attempt \d of \d\)\n/;
/** The line for a create iamkit deliberately did not retry, because IAM may have acted on it. */
const notRetried = (prog: string, what: string, failedAction: string) =>
  `${prog}: ${what}; ${failedAction} not retried: IAM may have acted on it`;

const THROTTLED = "error (Throttling): Rate exceeded";
const UNAVAILABLE = "error (ServiceUnavailable): The request has failed due to a temporary failure of the server.";
const INTERNAL = "error (InternalFailure): The request processing has failed because of an unknown error, exception or failure.";

const ACCOUNT = "arn:aws:iam::123456789012";
const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
});
const pad = (i: number) => String(i).padStart(3, "0");

/** Seeds `count` roles directly on moto; more than 100 makes ListRoles take two pages. */
async function seedRoles(count: number) {
  for (let i = 0; i < count; i++) await moto.iam.createRole({ RoleName: `role${pad(i)}`, AssumeRolePolicyDocument: TRUST });
}

/** A listing read straight from moto over every page, in the server's order. */
async function allPages<P extends { IsTruncated?: boolean; Marker?: string }>(
  fetchPage: (Marker: string | undefined) => Promise<P>,
  pick: (page: P) => string[],
): Promise<string[]> {
  const all: string[] = [];
  let Marker: string | undefined;
  do {
    const page = await fetchPage(Marker);
    all.push(...pick(page));
    Marker = page.IsTruncated ? page.Marker : undefined;
  } while (Marker);
  return all;
}

/** Role ARNs as iamkit should list them (moto orders roles by their random id). */
const roleArns = () => allPages((Marker) => moto.iam.listRoles({ Marker }), (page) => page.Roles!.map((r) => r.Arn!));

/** Success with exactly `stdout`, and nothing on stderr but, at most, the one retry notice. */
const expectOk = (res: CliResult, stdout: string) =>
  expect({ ...res, stderr: res.stderr.replace(RETRY_NOTICE, "") }).toEqual({ code: 0, stdout, stderr: "" });

/**
 * The representative set: creates with groups and keys, inline policies from a file and from
 * flags, a certificate, lists of one page and of two, and both recursive deletes on loaded
 * entities. Each command must print exactly what it prints without faults and leave the server
 * in the same state.
 */
async function representativeCommands(extra: NodeJS.ProcessEnv) {
  // Seeding talks to moto directly: only iamkit's own requests meet the faults.
  for (let i = 0; i < 120; i++) await moto.iam.createUser({ UserName: `user${pad(i)}`, Path: "/many/" });
  await seedRoles(105);
  const loaded = await seedLoadedUser(moto.iam, "david");
  const certFile = writeTestFile(moto, "alice-cert.pem", selfSignedPem("alice"));
  const groupPolicyFile = writeTestFile(moto, "read.json", policyAllowing("s3:Get*"));
  const run = (name: string, ...argv: string[]) => cli(extra, name, ...argv);

  expectOk(await run("iam-groupcreate", "-g", "staff"), "");
  expect((await moto.iam.getGroup({ GroupName: "staff" })).Group?.Arn).toBe(`${ACCOUNT}:group/staff`);

  expectOk(await run("iam-groupuploadpolicy", "-g", "staff", "-p", "read", "-f", groupPolicyFile), "");
  const groupPolicy = await moto.iam.getGroupPolicy({ GroupName: "staff", PolicyName: "read" });
  expect(JSON.parse(decodeURIComponent(groupPolicy.PolicyDocument!))).toEqual(JSON.parse(policyAllowing("s3:Get*")));

  const created = await run("iam-usercreate", "-u", "alice", "-k", "-g", "staff");
  const keys = (await moto.iam.listAccessKeys({ UserName: "alice" })).AccessKeyMetadata!;
  expect(keys).toHaveLength(1);
  expect(created.stderr.replace(RETRY_NOTICE, "")).toBe("");
  expect(created.code).toBe(0);
  expect(created.stdout).toMatch(new RegExp(`^${keys[0].AccessKeyId}\\n[A-Za-z0-9/+]{40}\\n$`));
  expect((await moto.iam.listGroupsForUser({ UserName: "alice" })).Groups!.map((g) => g.GroupName)).toEqual(["staff"]);

  const added = await run("iam-useraddpolicy", "-u", "alice", "-p", "s3read", "-e", "Allow", "-a", "s3:Get*", "-r", "*", "-o");
  const userPolicy = decodeURIComponent((await moto.iam.getUserPolicy({ UserName: "alice", PolicyName: "s3read" })).PolicyDocument!);
  expectOk(added, `${userPolicy}\n`);
  expect(JSON.parse(userPolicy).Statement).toEqual([{ Effect: "Allow", Action: ["s3:Get*"], Resource: ["*"] }]);

  const users = await allPages((Marker) => moto.iam.listUsers({ PathPrefix: "/many/", Marker }), (page) => page.Users!.map((u) => u.Arn!));
  expect(users).toHaveLength(120);
  expectOk(await run("iam-userlistbypath", "-p", "/many/", "-i", "100"), [...users, "IsTruncated: false", ""].join("\n"));

  const roles = await roleArns();
  expect(roles).toHaveLength(105);
  expectOk(await run("iam-rolelistbypath", "-i", "100"), [...roles, "IsTruncated: false", ""].join("\n"));

  expectOk(await run("iam-userlistkeys", "-u", "alice"), `${keys[0].AccessKeyId}\nActive\nIsTruncated: false\n`);

  const cert = await run("iam-useraddcert", "-u", "alice", "-f", certFile);
  const certs = (await moto.iam.listSigningCertificates({ UserName: "alice" })).Certificates!;
  expect(certs).toHaveLength(1);
  expectOk(cert, `${certs[0].CertificateId}\n`);

  expectOk(await run("iam-userdel", "-u", "david", "-r"), "");
  expect(await allPages((Marker) => moto.iam.listUsers({ Marker }), (page) => page.Users!.map((u) => u.UserName!))).not.toContain("david");
  for (const GroupName of loaded.groups) expect((await moto.iam.getGroup({ GroupName })).Users).toEqual([]);
  for (const PolicyArn of loaded.attached) expect((await moto.iam.getPolicy({ PolicyArn })).Policy?.AttachmentCount).toBe(0);
  expect((await moto.iam.listVirtualMFADevices({})).VirtualMFADevices).toEqual([]);

  expectOk(await run("iam-groupdel", "-g", "staff", "-r"), "");
  expect((await moto.iam.listGroups({})).Groups!.map((g) => g.GroupName)).not.toContain("staff");
  expect((await moto.iam.listGroupsForUser({ UserName: "alice" })).Groups).toEqual([]);
}

/**
 * The faults hit close to the planned share of all requests. A little under it: a last permitted
 * attempt is never faulted.
 */
function expectShare(planned: number) {
  expect(faulty.injected.length / faulty.requests.length).toBeGreaterThan(planned * 0.75);
}

describe("transient faults: every command of the representative set succeeds", () => {
  const plans: { name: string; plan: Plan; share: number; env?: NodeJS.ProcessEnv }[] = [
    { name: "30% Throttling as HTTP 400", plan: bySequence(10, { 0: "throttling", 3: "throttling", 6: "throttling" }), share: 0.3 },
    { name: "30% Throttling as HTTP 429", plan: bySequence(10, { 0: "throttling429", 3: "throttling429", 6: "throttling429" }), share: 0.3 },
    {
      name: "30% Throttling (400 and 429) in adaptive mode",
      plan: bySequence(10, { 0: "throttling", 3: "throttling429", 6: "throttling" }),
      share: 0.3,
      env: { AWS_RETRY_MODE: "adaptive" },
    },
    {
      name: "30% ServiceUnavailable 503, InternalFailure 500 and connection resets",
      plan: bySequence(10, { 0: "unavailable", 3: "internal", 6: "reset" }),
      share: 0.3,
    },
    // Each stall costs a whole request timeout, so fewer of them and a short timeout.
    {
      name: "10% stalls past a 500 ms request timeout",
      plan: bySequence(10, { 5: "stall" }),
      share: 0.1,
      env: { IAMKIT_REQUEST_TIMEOUT: "500" },
    },
  ];
  for (const { name, plan, share, env = {} } of plans) {
    it(name, async () => {
      faulty.plan(plan);
      let survived = false;
      try {
        await representativeCommands(env);
        survived = true;
      } finally {
        record(`representative set, ${name}`, survived);
      }
      expectShare(share);
      expectEveryFaultRetried();
    }, 180_000);
  }
});

/** Runs a command whose faults are meant to be fatal, and tallies them as such. */
async function fatal(test: string, extra: NodeJS.ProcessEnv, name: string, ...argv: string[]): Promise<CliResult> {
  const res = await cli(extra, name, ...argv);
  record(test, false);
  return res;
}

const lines = (stderr: string) => stderr.trimEnd().split("\n");

/**
 * What a listing may print before a later page fails for good: text output streams page by page,
 * so the items already listed, in order, but never the "IsTruncated: false" that would claim the
 * list complete.
 */
function expectNoCompletenessClaim(stdout: string, all: string[]) {
  expect(stdout).not.toContain("IsTruncated");
  const printed = stdout === "" ? [] : stdout.trimEnd().split("\n");
  expect(printed).toEqual(all.slice(0, printed.length));
  expect(printed.length).toBeLessThan(all.length);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A loaded user's dependents as iam-userdel -r names them, in its removal order. */
const dependents = (seeded: Awaited<ReturnType<typeof seedLoadedUser>>) => [
  ...seeded.keys.map((id) => `access key ${id}`),
  ...seeded.policies.map((name) => `policy ${name}`),
  ...seeded.attached.map((arn) => `attached policy ${arn}`),
  ...seeded.certs.map((id) => `certificate ${id}`),
  `SSH key ${seeded.sshKey}`,
  ...seeded.groups.map((name) => `membership of group ${name}`),
  "login profile",
  `MFA device ${seeded.serial}`,
];

describe("persistent faults: the command fails with one line naming the action", () => {
  it("a list whose second page is throttled for good fails without claiming to be complete", async () => {
    await seedRoles(101);
    faulty.plan(persistent("throttling", (r) => action(r) === "ListRoles" && r.params.Marker !== undefined));
    const res = await fatal("ListRoles page 2 throttled", {}, "iam-rolelistbypath", "-i", "100");
    expect(res.code).toBe(1);
    expect(lines(res.stderr)).toEqual([
      retrying("iam-rolelistbypath", "ListRoles", "throttled", 2, ATTEMPTS),
      gaveUp("iam-rolelistbypath", THROTTLED, "ListRoles", ATTEMPTS),
    ]);
    expectNoCompletenessClaim(res.stdout, await roleArns());
    expect(sent("ListRoles").map((r) => r.params.Marker !== undefined)).toEqual([false, true, true, true, true, true]);
  });

  it("a list whose second page answers 503 on every attempt fails the same way; --json prints nothing", async () => {
    for (let i = 0; i < 101; i++) {
      await moto.iam.createPolicy({ PolicyName: `policy${pad(i)}`, PolicyDocument: policyAllowing("s3:Get*") });
    }
    const all = await allPages((Marker) => moto.iam.listPolicies({ Scope: "Local", Marker }), (page) => page.Policies!.map((p) => p.Arn!));
    faulty.plan(persistent("unavailable", (r) => action(r) === "ListPolicies" && r.params.Marker !== undefined));
    const stderr = `${gaveUp("iam-policylistbypath", UNAVAILABLE, "ListPolicies", ATTEMPTS)}\n`;
    const text = await fatal("ListPolicies page 2 unavailable", {}, "iam-policylistbypath", "-i", "100");
    expect(text.code).toBe(1);
    expect(text.stderr).toBe(stderr);
    expectNoCompletenessClaim(text.stdout, all);
    expect(sent("ListPolicies").map((r) => r.params.Marker !== undefined)).toEqual([false, true, true, true, true, true]);
    // --json prints one document at the end: nothing at all when a page failed.
    expect(await fatal("ListPolicies page 2 unavailable, --json", {}, "iam-policylistbypath", "-i", "100", "--json")).toEqual({ code: 1, stdout: "", stderr });
  });

  it("429 on every attempt of a one-request command", async () => {
    await moto.iam.createUser({ UserName: "alice" });
    faulty.plan(persistent("throttling429", (r) => action(r) === "ListAccessKeys"));
    expect(await fatal("ListAccessKeys 429", { AWS_MAX_ATTEMPTS: "2" }, "iam-userlistkeys", "-u", "alice")).toEqual({
      code: 1,
      stdout: "",
      stderr: `${retrying("iam-userlistkeys", "ListAccessKeys", "throttled", 2, 2)}\n${gaveUp("iam-userlistkeys", THROTTLED, "ListAccessKeys", 2)}\n`,
    });
    expect(sent("ListAccessKeys")).toHaveLength(2);
  });

  it("InternalFailure on every attempt changes nothing", async () => {
    await moto.iam.createGroup({ GroupName: "staff" });
    faulty.plan(persistent("internal", (r) => action(r) === "PutGroupPolicy"));
    const res = await fatal("PutGroupPolicy 500", {}, "iam-groupuploadpolicy", "-g", "staff", "-p", "read", "-o", policyAllowing("s3:Get*"));
    expect(res).toEqual({ code: 1, stdout: "", stderr: `${gaveUp("iam-groupuploadpolicy", INTERNAL, "PutGroupPolicy", ATTEMPTS)}\n` });
    expect(sent("PutGroupPolicy")).toHaveLength(ATTEMPTS);
    expect((await moto.iam.listGroupPolicies({ GroupName: "staff" })).PolicyNames).toEqual([]);
  });

  it("a connection reset on every attempt is unreachable (exit 4)", async () => {
    faulty.plan(persistent("reset", (r) => action(r) === "CreateGroup"));
    const res = await fatal("CreateGroup reset", {}, "iam-groupcreate", "-g", "staff");
    expect(res).toEqual({
      code: 4,
      stdout: "",
      stderr: `${gaveUp("iam-groupcreate", `cannot reach the IAM endpoint ${faulty.url} (ECONNRESET)`, "CreateGroup", ATTEMPTS)}\n`,
    });
    expect(sent("CreateGroup")).toHaveLength(ATTEMPTS);
    expect((await moto.iam.listGroups({})).Groups).toEqual([]);
  });

  it("iam-usercreate -k -g says the user was created when adding it to the group fails for good", async () => {
    await moto.iam.createGroup({ GroupName: "staff" });
    faulty.plan(persistent("throttling", (r) => action(r) === "AddUserToGroup"));
    const res = await fatal("AddUserToGroup throttled", { AWS_MAX_ATTEMPTS: "2" }, "iam-usercreate", "-u", "bob", "-k", "-g", "staff");
    expect(res.code).toBe(1);
    expect(res.stdout).toBe("");
    expect(lines(res.stderr)).toEqual([
      retrying("iam-usercreate", "AddUserToGroup", "throttled", 2, 2),
      gaveUp("iam-usercreate", THROTTLED, "AddUserToGroup", 2),
      "iam-usercreate: done before the failure: created user bob",
      "iam-usercreate: to finish: iam-groupadduser -g staff -u bob; iam-useraddkey -u bob",
    ]);
    expect(sent("CreateAccessKey")).toEqual([]);
    expect((await moto.iam.getUser({ UserName: "bob" })).User?.UserName).toBe("bob");
    expect((await moto.iam.listAccessKeys({ UserName: "bob" })).AccessKeyMetadata).toEqual([]);
  });

  it("iam-userdel -r prints what it removed and what remains when DeleteUser fails for good", async () => {
    const seeded = await seedLoadedUser(moto.iam, "david");
    faulty.plan(persistent("unavailable", (r) => action(r) === "DeleteUser"));
    const res = await fatal("DeleteUser unavailable", {}, "iam-userdel", "-u", "david", "-r");
    expect(res.code).toBe(1);
    expect(res.stdout).toBe("");
    expect(lines(res.stderr)).toEqual([
      gaveUp("iam-userdel", UNAVAILABLE, "DeleteUser", ATTEMPTS),
      `iam-userdel: removed: ${dependents(seeded).join(", ")}`,
      "iam-userdel: remains: user david",
    ]);
    expect((await moto.iam.getUser({ UserName: "david" })).User?.UserName).toBe("david");
    expect((await moto.iam.listAccessKeys({ UserName: "david" })).AccessKeyMetadata).toEqual([]);
    expect((await moto.iam.listUserPolicies({ UserName: "david" })).PolicyNames).toEqual([]);
  });

  it("iam-userdel -r reports nothing removed and everything remaining when every removal fails", async () => {
    const seeded = await seedLoadedUser(moto.iam, "david");
    const removal = /^(Delete|Detach|Remove|Deactivate)/;
    faulty.plan(persistent("unavailable", (r) => removal.test(action(r))));
    // No removal can succeed, so the report is the same whichever failure comes back first.
    const res = await fatal("every removal unavailable", { AWS_MAX_ATTEMPTS: "3" }, "iam-userdel", "-u", "david", "-r");
    expect(res.code).toBe(1);
    expect(res.stdout).toBe("");
    const [first, ...report] = lines(res.stderr);
    // Eight removals start at once: keys, inline policies and attached policies; any may fail first.
    expect(first).toMatch(new RegExp(`^${escape(gaveUp("iam-userdel", UNAVAILABLE, "ACTION", 3)).replace("ACTION", "(DeleteAccessKey|DeleteUserPolicy|DetachUserPolicy)")}$`));
    expect(report).toEqual([
      "iam-userdel: removed: nothing",
      `iam-userdel: remains: ${[...dependents(seeded), "user david"].join(", ")}`,
    ]);
    expect((await moto.iam.listAccessKeys({ UserName: "david" })).AccessKeyMetadata).toHaveLength(2);
    expect((await moto.iam.listUserPolicies({ UserName: "david" })).PolicyNames).toEqual(seeded.policies);
  });

  it("iam-groupdel -r prints what it removed and what remains when DeleteGroup fails for good", async () => {
    await moto.iam.createGroup({ GroupName: "mygroup" });
    for (const UserName of ["ann", "ben"]) {
      await moto.iam.createUser({ UserName });
      await moto.iam.addUserToGroup({ GroupName: "mygroup", UserName });
    }
    await moto.iam.putGroupPolicy({ GroupName: "mygroup", PolicyName: "read", PolicyDocument: policyAllowing("s3:Get*") });
    faulty.plan(persistent("internal", (r) => action(r) === "DeleteGroup"));
    const res = await fatal("DeleteGroup 500", {}, "iam-groupdel", "-g", "mygroup", "-r");
    expect(res.code).toBe(1);
    expect(res.stdout).toBe("");
    expect(lines(res.stderr)).toEqual([
      gaveUp("iam-groupdel", INTERNAL, "DeleteGroup", ATTEMPTS),
      "iam-groupdel: removed: member ann, member ben, policy read",
      "iam-groupdel: remains: group mygroup",
    ]);
    expect((await moto.iam.getGroup({ GroupName: "mygroup" })).Users).toEqual([]);
    expect((await moto.iam.listGroupPolicies({ GroupName: "mygroup" })).PolicyNames).toEqual([]);
  });
});

describe("creates IAM does not deduplicate are not retried once IAM may have acted", () => {
  const keysOf = async (UserName: string) => (await moto.iam.listAccessKeys({ UserName })).AccessKeyMetadata ?? [];
  const lostAnswer = (fault: Fault, name: string): Plan => (req) => (action(req) === name ? { afterForward: fault } : undefined);

  it("CreateAccessKey answered 500 after IAM made the key: one request, exit 1, one key", async () => {
    await moto.iam.createUser({ UserName: "bob" });
    faulty.plan(lostAnswer("internal", "CreateAccessKey"));
    expect(await fatal("CreateAccessKey 500 after forwarding", {}, "iam-useraddkey", "-u", "bob")).toEqual({
      code: 1,
      stdout: "",
      stderr: `${notRetried("iam-useraddkey", INTERNAL, "CreateAccessKey")}\n`,
    });
    expect(sent("CreateAccessKey")).toHaveLength(1);
    expect(await keysOf("bob")).toHaveLength(1);
  });

  it("iam-usercreate -k: the same, and it says the user was created", async () => {
    faulty.plan(lostAnswer("internal", "CreateAccessKey"));
    const res = await fatal("CreateAccessKey 500 after forwarding (usercreate)", {}, "iam-usercreate", "-u", "bob", "-k");
    expect(res.code).toBe(1);
    expect(res.stdout).toBe("");
    expect(lines(res.stderr)).toEqual([
      notRetried("iam-usercreate", INTERNAL, "CreateAccessKey"),
      "iam-usercreate: done before the failure: created user bob",
      "iam-usercreate: to finish: iam-useraddkey -u bob",
    ]);
    expect(sent("CreateAccessKey")).toHaveLength(1);
    expect(await keysOf("bob")).toHaveLength(1);
  });

  it("CreateAccessKey whose connection is reset after IAM made the key: one request, exit 4, one key", async () => {
    await moto.iam.createUser({ UserName: "bob" });
    faulty.plan(lostAnswer("reset", "CreateAccessKey"));
    expect(await fatal("CreateAccessKey reset after forwarding", {}, "iam-useraddkey", "-u", "bob")).toEqual({
      code: 4,
      stdout: "",
      stderr: `${notRetried("iam-useraddkey", `cannot reach the IAM endpoint ${faulty.url} (ECONNRESET)`, "CreateAccessKey")}\n`,
    });
    expect(sent("CreateAccessKey")).toHaveLength(1);
    expect(await keysOf("bob")).toHaveLength(1);
  });

  it("CreateAccessKey that times out is not retried either: iamkit cannot tell whether IAM acted", async () => {
    await moto.iam.createUser({ UserName: "bob" });
    faulty.plan(persistent("stall", (r) => action(r) === "CreateAccessKey"));
    const res = await fatal("CreateAccessKey stalled", { IAMKIT_REQUEST_TIMEOUT: "300" }, "iam-useraddkey", "-u", "bob");
    expect(res).toEqual({
      code: 4,
      stdout: "",
      stderr: `${notRetried("iam-useraddkey", `cannot reach the IAM endpoint ${faulty.url} (timed out)`, "CreateAccessKey")}\n`,
    });
    expect(sent("CreateAccessKey")).toHaveLength(1);
  });

  it("CreatePolicyVersion answered 503 after IAM stored the version: one request, one new version", async () => {
    const arn = (await moto.iam.createPolicy({ PolicyName: "reports", PolicyDocument: policyAllowing("s3:Get*") })).Policy!.Arn!;
    faulty.plan(lostAnswer("unavailable", "CreatePolicyVersion"));
    const res = await fatal("CreatePolicyVersion 503 after forwarding", {}, "iam-policycreateversion", "-a", arn, "-o", policyAllowing("s3:List*"));
    expect(res).toEqual({ code: 1, stdout: "", stderr: `${notRetried("iam-policycreateversion", UNAVAILABLE, "CreatePolicyVersion")}\n` });
    expect(sent("CreatePolicyVersion")).toHaveLength(1);
    expect((await moto.iam.listPolicyVersions({ PolicyArn: arn })).Versions).toHaveLength(2);
  });

  it("CreateAccessKey throttled before it reached IAM is retried and makes exactly one key", async () => {
    await moto.iam.createUser({ UserName: "bob" });
    faulty.plan((req) => (action(req) === "CreateAccessKey" && sent("CreateAccessKey").length === 1 ? "throttling" : undefined));
    const res = await cli({}, "iam-useraddkey", "-u", "bob");
    record("CreateAccessKey throttled before forwarding", res.code === 0);
    const keys = await keysOf("bob");
    expect(keys).toHaveLength(1);
    expect(res.stderr).toBe(`${retrying("iam-useraddkey", "CreateAccessKey", "throttled", 2, ATTEMPTS)}\n`);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(new RegExp(`^${keys[0].AccessKeyId}\\n[A-Za-z0-9/+]{40}\\n$`));
    expect(sent("CreateAccessKey").map((r) => r.headers["amz-sdk-request"])).toEqual([`attempt=1; max=${ATTEMPTS}`, `attempt=2; max=${ATTEMPTS}`]);
  });

  it("a named create whose answer was lost is retried, and the duplicate answer says so", async () => {
    faulty.plan((req) => (action(req) === "CreateUser" && sent("CreateUser").length === 1 ? { afterForward: "unavailable" } : undefined));
    const res = await cli({}, "iam-usercreate", "-u", "bob");
    record("CreateUser 503 after forwarding, retried", false);
    expect(res.code).toBe(1);
    expect(res.stdout).toBe("");
    expect(res.stderr).toMatch(
      /^iam-usercreate: error \(EntityAlreadyExists\): .*bob.* \(sent 2 times after transient failures: an earlier attempt may have succeeded\)\n$/,
    );
    expect(sent("CreateUser")).toHaveLength(2);
    expect((await moto.iam.listUsers({})).Users!.map((u) => u.UserName)).toEqual(["bob"]);
  });
});

describe("endpoint down, unresolvable or silent: exit 4, one line, no stack trace", () => {
  /** Generous: the point is "seconds, not minutes", on any CI machine. */
  const SANITY_MS = 20_000;

  async function timed(run: () => Promise<CliResult>) {
    const started = Date.now();
    const res = await run();
    return { res, ms: Date.now() - started };
  }

  it("a closed port, with the backoff users get", async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const { res, ms } = await timed(() => cliWithSdkBackoff({ AWS_IAM_URL: url }, "iam-userlistbypath"));
    expect(res).toEqual({
      code: 4,
      stdout: "",
      stderr: `${gaveUp("iam-userlistbypath", `cannot reach the IAM endpoint ${url} (ECONNREFUSED)`, "ListUsers", ATTEMPTS)}\n`,
    });
    expect(ms).toBeLessThan(SANITY_MS);
  });

  it("a host name that cannot resolve", async () => {
    const url = "http://iam.iamkit-test.invalid";
    const { res, ms } = await timed(() => cli({ AWS_IAM_URL: url }, "iam-userlistbypath"));
    expect(res.code).toBe(4);
    expect(res.stdout).toBe("");
    // ENOTFOUND where a resolver answers; EAI_AGAIN where none is reachable.
    expect(res.stderr.replace("(EAI_AGAIN)", "(ENOTFOUND)")).toBe(
      `${gaveUp("iam-userlistbypath", `cannot reach the IAM endpoint ${url} (ENOTFOUND)`, "ListUsers", ATTEMPTS)}\n`,
    );
    expect(ms).toBeLessThan(SANITY_MS);
  });

  it("an endpoint that never answers: every attempt times out", async () => {
    faulty.plan(persistent("stall", (r) => action(r) === "ListUsers"));
    const { res, ms } = await timed(() => cli({ IAMKIT_REQUEST_TIMEOUT: "300" }, "iam-userlistbypath"));
    record("ListUsers stalled", false);
    expect(res).toEqual({
      code: 4,
      stdout: "",
      stderr: [
        retrying("iam-userlistbypath", "ListUsers", "timed out", 2, ATTEMPTS),
        gaveUp("iam-userlistbypath", `cannot reach the IAM endpoint ${faulty.url} (timed out)`, "ListUsers", ATTEMPTS),
        "",
      ].join("\n"),
    });
    expect(sent("ListUsers")).toHaveLength(ATTEMPTS);
    expect(ms).toBeLessThan(ATTEMPTS * 300 + SANITY_MS);
  });

  it("the client config file sets the timeout and the attempts", async () => {
    faulty.plan(persistent("stall", (r) => action(r) === "ListUsers"));
    const config = writeTestFile(moto, "fail-fast.conf", "RequestTimeout=300\nMaxAttempts=2\n");
    const res = await cli({ CLIENT_CONFIG_FILE: config }, "iam-userlistbypath");
    record("ListUsers stalled, client config file", false);
    expect(res).toEqual({
      code: 4,
      stdout: "",
      stderr: [
        retrying("iam-userlistbypath", "ListUsers", "timed out", 2, 2),
        gaveUp("iam-userlistbypath", `cannot reach the IAM endpoint ${faulty.url} (timed out)`, "ListUsers", 2),
        "",
      ].join("\n"),
    });
    expect(sent("ListUsers")).toHaveLength(2);
  });
});

describe("the backoff between attempts", () => {
  /** The backoff before each retry of ListAccessKeys, from -d: `ListAccessKeys: attempt 2 of 3 after a backoff of 734 ms`. */
  const backoffs = (stderr: string) =>
    [...stderr.matchAll(/^iam-userlistkeys: debug: ListAccessKeys: attempt (\d) of 3 after a backoff of (\d+) ms$/gm)].map(([, attempt, ms]) => ({
      attempt: Number(attempt),
      ms: Number(ms),
    }));

  /** iam-userlistkeys -d with every ListAccessKeys throttled, three attempts, without the tiny backoff: its waits in ms. */
  async function throttledForGood(test: string, extra: NodeJS.ProcessEnv = {}) {
    await moto.iam.createUser({ UserName: "alice" });
    faulty.plan(persistent("throttling", (r) => action(r) === "ListAccessKeys"));
    const res = await cliWithSdkBackoff({ AWS_MAX_ATTEMPTS: "3", ...extra }, "iam-userlistkeys", "-u", "alice", "-d");
    record(test, false);
    expect(res.code).toBe(1);
    expect(lines(res.stderr).at(-1)).toBe(gaveUp("iam-userlistkeys", THROTTLED, "ListAccessKeys", 3));
    expect(sent("ListAccessKeys")).toHaveLength(3);
    const waits = backoffs(res.stderr);
    expect(waits.map((w) => w.attempt)).toEqual([2, 3]);
    return waits.map((w) => w.ms);
  }

  it("is the AWS SDK's by default: after throttling, a random wait below 1 s, then below 2 s", async () => {
    const [first, second] = await throttledForGood("ListAccessKeys throttled, SDK backoff");
    expect(first).toBeLessThan(1000);
    expect(second).toBeLessThan(2000);
    // The tiny backoff the other tests use waits 0 ms; both waits this short happen once in about 700,000 runs.
    expect(first + second).toBeGreaterThan(1);
  });

  it("never exceeds MaxBackoff from the client config file", async () => {
    const config = writeTestFile(moto, "max-backoff.conf", "MaxBackoff=3\n");
    const waits = await throttledForGood("ListAccessKeys throttled, MaxBackoff=3", { CLIENT_CONFIG_FILE: config });
    for (const ms of waits) expect(ms).toBeLessThan(3);
  });

  it("a MaxBackoff of 0 is refused before any request (exit 3)", async () => {
    expect(await cli({ IAMKIT_MAX_BACKOFF: "0" }, "iam-userlistbypath")).toEqual({
      code: 3,
      stdout: "",
      stderr: "iam-userlistbypath: IAMKIT_MAX_BACKOFF must be a positive whole number of milliseconds, at most 86400000 (a day)\n",
    });
    expect(faulty.requests).toEqual([]);
  });
});
