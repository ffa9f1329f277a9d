import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAdmin, enforced, legacyKeyText, useMoto } from "./harness/moto.js";
import { binPath, start, type Ended } from "./harness/run-bin.js";
import { startLoopbackProxy, type CapturedRequest } from "./support/loopback-proxy.mjs";
import { heldKey } from "../dist/iam/credential-files.js";

/**
 * SIGINT or SIGTERM after a new key exists: iamkit's undo of its own change still goes out
 * (bounded in time), so no key is left active with its secret nowhere. Real bins, real signals.
 */

const moto = useMoto();
/** STS with auth enforced that knows none of the new keys: it answers InvalidClientTokenId, as AWS STS does before a key propagates. */
const otherSts = useMoto();

const proxies: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(moto.dir, "case-"));
});

const keysOf = async (UserName: string) =>
  ((await moto.iam.listAccessKeys({ UserName })).AccessKeyMetadata ?? []).map((k) => [k.AccessKeyId, k.Status]);

/** An STS endpoint in front of `otherSts` that calls `onRequest` as each request arrives. */
async function stsWatching(onRequest: (req: CapturedRequest) => void) {
  const proxy = await startLoopbackProxy({ upstream: otherSts.url, decide: (req) => void onRequest(req) });
  proxies.push(proxy);
  return proxy.url;
}

/** Runs a bin and signals it the first time `when` holds for a request to STS. */
async function signalledAtSts(name: string, argv: string[], env: NodeJS.ProcessEnv, signal: NodeJS.Signals): Promise<Ended> {
  let run: ReturnType<typeof start> | undefined;
  const sts = await stsWatching((req) => {
    if (req.params.Action === "GetCallerIdentity" && run?.child.exitCode === null && !run.child.killed) run.child.kill(signal);
  });
  return enforced(otherSts, async () => {
    run = start(process.execPath, [binPath(name), ...argv], { env: { ...env, AWS_ENDPOINT_URL_STS: sts } });
    return run.ended;
  });
}

const ROUNDS = 8;

describe("iam-useraddkey --wait interrupted while STS is asked", () => {
  it.each(["SIGINT", "SIGTERM"] as const)(`%s: the new key is deleted and the profile restored (${ROUNDS} rounds)`, async (signal) => {
    await moto.iam.createUser({ UserName: "ann" });
    const file = join(dir, "credentials");
    const before = "[default]\naws_access_key_id = AKIADEFAULTDEFAULT01\naws_secret_access_key = default-secret\n";
    writeFileSync(file, before, { mode: 0o600 });
    for (let round = 0; round < ROUNDS; round++) {
      const env = { ...moto.env, AWS_SHARED_CREDENTIALS_FILE: file };
      const res = await signalledAtSts("iam-useraddkey", ["-u", "ann", "--write-profile", "ann", "--wait"], env, signal);
      expect(res).toMatchObject({ code: null, signal, stdout: "" });
      const [interrupted, rollback, end] = res.stderr.split("\n");
      expect(interrupted).toBe(`iam-useraddkey: interrupted by ${signal}; no further requests were sent`);
      expect(rollback).toMatch(new RegExp(`^iam-useraddkey: rolled back: deleted the new key AKIA\\w+, restored profile ann in ${file}$`));
      expect(end).toBe("");
      expect(await keysOf("ann")).toEqual([]);
      expect(readFileSync(file, "utf8")).toBe(before);
      expect(readdirSync(dir)).toEqual(["credentials"]);
    }
  });
});

describe("iam-userrotatekey interrupted while STS is asked", () => {
  it(`SIGINT: the new key is deleted, the file holds the old key again, which stays active (${ROUNDS} rounds)`, async () => {
    const key = await createAdmin(moto, { userName: "david" });
    const file = join(dir, "david.cred");
    writeFileSync(file, legacyKeyText(key), { mode: 0o600 });
    for (let round = 0; round < ROUNDS; round++) {
      const res = await signalledAtSts("iam-userrotatekey", ["-u", "david"], { ...moto.env, AWS_CREDENTIAL_FILE: file }, "SIGINT");
      expect(res).toMatchObject({ code: null, signal: "SIGINT", stdout: "" });
      expect(res.stderr).toMatch(new RegExp(`\niam-userrotatekey: rolled back: deleted the new key AKIA\\w+, restored credential file ${file}\n$`));
      expect(await keysOf("david")).toEqual([[key.AccessKeyId, "Active"]]);
      expect(readFileSync(file, "utf8")).toBe(legacyKeyText(key));
    }
  });
});

describe("a rollback that gets no answer", () => {
  it("gives up after its 10 s, says so, and the file keeps the key whose secret is nowhere else", async () => {
    await moto.iam.createUser({ UserName: "cy" });
    const iam = await startLoopbackProxy({ upstream: moto.url, decide: (req) => (req.params.Action === "DeleteAccessKey" ? "stall" : undefined) });
    proxies.push(iam);
    const file = join(dir, "credentials");
    const env = { ...moto.env, AWS_IAM_URL: iam.url, AWS_SHARED_CREDENTIALS_FILE: file, IAMKIT_REQUEST_TIMEOUT: "60000" };
    const res = await signalledAtSts("iam-useraddkey", ["-u", "cy", "--write-profile", "cy", "--wait"], env, "SIGINT");
    expect(res).toMatchObject({ code: null, signal: "SIGINT", stdout: "" });
    const [id] = (await keysOf("cy")).map(([keyId]) => keyId);
    expect(res.stderr.split("\n")).toEqual([
      "iam-useraddkey: interrupted by SIGINT; no further requests were sent",
      `iam-useraddkey: could not delete the new key ${id} (the 10 s a rollback may take ran out); delete it with: iam-userdelkey -u cy -k ${id}`,
      `iam-useraddkey: WARNING: the new key ${id} is active and its secret is kept in profile cy in ${file}`,
      "",
    ]);
    expect(heldKey(readFileSync(file, "utf8"), { file, profile: "cy" })).toEqual({ accessKeyId: id, hasSecret: true });
    expect(iam.requests.filter((r) => r.params.Action === "DeleteAccessKey")).toHaveLength(1);
  }, 30_000);
});

describe("waiting for another run's lock", () => {
  it("SIGINT ends the wait at once: the new key is deleted and the file left as it was", async () => {
    await moto.iam.createUser({ UserName: "bob" });
    const file = join(dir, "credentials");
    writeFileSync(file, "", { mode: 0o600 });
    // A live holder: this test's own process, so the lock is never stale.
    writeFileSync(`${file}.lock`, `${process.pid} ${hostname()} held\n`);
    const run = start(process.execPath, [binPath("iam-useraddkey"), "-u", "bob", "--write-profile", "bob", "-d"], {
      env: { ...moto.env, AWS_SHARED_CREDENTIALS_FILE: file },
    });
    await run.stderrLine(/debug: CreateAccessKey HTTP 200/);
    run.child.kill("SIGINT");
    const res = await run.ended;
    expect(res).toMatchObject({ code: null, signal: "SIGINT", stdout: "" });
    expect(res.stderr).toMatch(/\niam-useraddkey: interrupted by SIGINT; no further requests were sent\niam-useraddkey: rolled back: deleted the new key AKIA\w+\n$/);
    expect(await keysOf("bob")).toEqual([]);
    expect(readFileSync(file, "utf8")).toBe("");
    expect(readdirSync(dir).sort()).toEqual(["credentials", "credentials.lock"]);
  });
});
