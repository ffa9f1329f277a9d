import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { IAM } from "@aws-sdk/client-iam";
import { afterAll, beforeAll, beforeEach } from "vitest";

export const ROOT = resolve(import.meta.dirname, "../..");
const MOTO_SERVER = join(ROOT, ".moto-venv/bin/moto_server");
const STRICT_LAYER = join(ROOT, "test/support/strict-iam-server.mjs");
/** The harness's own credentials (moto accepts any key until its auth is enforced). */
export const ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
export const SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

/** A loopback port nothing listens on (free at the time of asking). */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${url}/moto-api/reset`, { method: "POST" });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`moto_server did not answer on ${url} within 20 s:\n${log()}`);
}

/**
 * A running moto server for one test file (its own port, so parallel files never share state),
 * behind the strict IAM layer (test/support/strict-iam.mjs): `url`, `env` and `iam` all reach moto
 * through the layer, so every test meets IAM's rules where moto alone is lenient.
 */
export interface Moto {
  /** The strict layer's URL: what commands and the seeding client talk to. */
  url: string;
  /** Environment for commands: endpoint and a 0600 legacy credential file (moto accepts any key). */
  env: NodeJS.ProcessEnv;
  /** A directory for the test's files. */
  dir: string;
  /** A plain SDK client through the same layer, for seeding and for reading state back. */
  iam: IAM;
  /** Sets moto's INITIAL_NO_AUTH_ACTION_COUNT at run time ("inf" turns enforcement off). */
  enforceAuthAfter(actions: number | "inf"): Promise<void>;
}

/** Starts the strict IAM layer in front of `upstream` as a child process and returns its URL. */
async function startStrictLayer(upstream: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [STRICT_LAYER, upstream], {
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, STRICT_IAM_KNOWN_KEYS: JSON.stringify({ [ACCESS_KEY_ID]: SECRET_ACCESS_KEY }) },
  });
  let errors = "";
  child.stderr!.on("data", (d) => (errors += d));
  const url = await new Promise<string>((done, fail) => {
    let out = "";
    child.stdout!.on("data", (d) => {
      out += d;
      if (out.includes("\n")) done(out.split("\n")[0]);
    });
    child.once("exit", (code) => fail(new Error(`the strict IAM layer exited with ${code}:\n${errors}`)));
  });
  return { url, child };
}

/**
 * Starts moto's server mode (installed by scripts/setup-moto.sh) once for the calling test file and
 * resets it before each test. Throws, and so fails the file, when moto is missing: never skips.
 */
export function useMoto(): Moto {
  let child: ChildProcess | undefined;
  let layer: ChildProcess | undefined;
  const moto = {} as Moto;
  beforeAll(async () => {
    if (!existsSync(MOTO_SERVER)) {
      throw new Error(`${MOTO_SERVER} is missing: run scripts/setup-moto.sh (npm test does this)`);
    }
    const port = await freePort();
    let output = "";
    child = spawn(MOTO_SERVER, ["-H", "127.0.0.1", "-p", String(port)], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));
    const motoUrl = `http://127.0.0.1:${port}`;
    await waitUntilUp(motoUrl, child, () => output);
    const strict = await startStrictLayer(motoUrl);
    layer = strict.child;
    moto.url = strict.url;
    Object.assign(moto, scratchAccount(moto.url));
    moto.iam = new IAM({
      endpoint: moto.url,
      region: "us-east-1",
      credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY },
    });
    moto.enforceAuthAfter = async (actions) => {
      const res = await fetch(`${moto.url}/moto-api/reset-auth`, {
        method: "POST",
        headers: { "Content-Type": "text/plain" },
        body: String(actions),
      });
      if (!res.ok) throw new Error(`reset-auth failed: HTTP ${res.status}`);
    };
  }, 30_000);
  beforeEach(async () => {
    const res = await fetch(`${moto.url}/moto-api/reset`, { method: "POST" });
    if (!res.ok) throw new Error(`moto reset failed: HTTP ${res.status}`);
    // A reset account: what commands created in the one before is forgotten (docs/propagation.md).
    rmSync(moto.env.IAMKIT_CACHE_DIR!, { recursive: true, force: true });
  });
  afterAll(() => {
    layer?.stdin?.end();
    child?.kill();
  });
  return moto;
}

/**
 * A fresh directory (also HOME) holding the test account's legacy credential file, and the
 * environment of a run that signs with it and sends to `url`.
 */
export function scratchAccount(url: string): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), "iamkit-test-"));
  const credentialFile = join(dir, "account-key");
  writeFileSync(credentialFile, legacyKeyText({ AccessKeyId: ACCESS_KEY_ID, SecretAccessKey: SECRET_ACCESS_KEY }), { mode: 0o600 });
  return {
    dir,
    env: {
      PATH: process.env.PATH,
      HOME: dir,
      AWS_IAM_URL: url,
      AWS_CREDENTIAL_FILE: credentialFile,
      AWS_EC2_METADATA_DISABLED: "true",
      IAMKIT_CACHE_DIR: join(dir, "iamkit-cache"),
    },
  };
}

/** Writes a file into the test directory and returns its path. */
export function writeTestFile(moto: Moto, name: string, content: string, mode = 0o644): string {
  const path = join(moto.dir, name);
  writeFileSync(path, content, { mode });
  return path;
}

/** A file's permission bits (0o600...). */
export const fileMode = (path: string) => statSync(path).mode & 0o777;

/** Any 40-character run of secret-key characters: output that must hold no secret must not match. */
export const SECRET_LIKE = /[A-Za-z0-9/+]{40}/;

/** The text of a legacy credential file holding `key`, as IAMCli wrote it. */
export function legacyKeyText(key: { AccessKeyId?: string; SecretAccessKey?: string }): string {
  return `AWSAccessKeyId=${key.AccessKeyId}\nAWSSecretKey=${key.SecretAccessKey}\n`;
}

/**
 * Creates `userName` (default "admin") allowed every action but the `denied` ones (e.g.
 * "iam:DeleteLoginProfile"), and returns a new access key of it: moto checks that key's
 * signatures and the policy once auth is enforced.
 */
export async function createAdmin(server: Moto, { userName = "admin", denied = [] as string[] } = {}) {
  await server.iam.createUser({ UserName: userName });
  const statements = [{ Effect: "Allow", Action: "*", Resource: "*" }, ...(denied.length > 0 ? [{ Effect: "Deny", Action: denied, Resource: "*" }] : [])];
  await server.iam.putUserPolicy({
    UserName: userName,
    PolicyName: denied.length > 0 ? "all-but-denied" : "all",
    PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: statements }),
  });
  return (await server.iam.createAccessKey({ UserName: userName })).AccessKey!;
}

/** Runs `body` with `server` checking every signature and policy, and always turns that off again. */
export async function enforced<T>(server: Moto, body: () => Promise<T>): Promise<T> {
  await server.enforceAuthAfter(0);
  try {
    return await body();
  } finally {
    await server.enforceAuthAfter("inf");
  }
}

/**
 * Runs `run` while moto enforces auth, as a user "admin" allowed everything but the `denied`
 * actions; `env` points commands at that user's key.
 */
export async function asAdminDenied<T>(moto: Moto, denied: string[], run: (env: NodeJS.ProcessEnv) => Promise<T>): Promise<T> {
  const credentialFile = writeTestFile(moto, "admin-key", legacyKeyText(await createAdmin(moto, { denied })), 0o600);
  return enforced(moto, () => run({ ...moto.env, AWS_CREDENTIAL_FILE: credentialFile }));
}
