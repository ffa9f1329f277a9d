import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { chownSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, useMoto } from "./harness/moto.js";
import { start } from "./harness/run-bin.js";

/**
 * The installed bins start Node from a startup snapshot of the CLI when the user's cache holds one
 * for this build and this Node binary, and otherwise run as a Node module. Their first call without
 * one builds it in the background (src/cli/snapshot.ts). The commands run here by their installed
 * names (.bin, as npm links them), through the launcher, once with the snapshot and once without.
 */
const moto = useMoto();
const cache = mkdtempSync(join(tmpdir(), "iamkit-cache-"));
/** The temporary directory of the first call and of the build it starts. */
const scratch = mkdtempSync(join(tmpdir(), "iamkit-tmp-"));
const snapshots = join(cache, "iamkit");
const blobs = () => (existsSync(snapshots) ? readdirSync(snapshots).filter((f) => f.endsWith(".blob")) : []);

function installed(name: string, argv: string[], env: NodeJS.ProcessEnv, options: SpawnSyncOptions = {}) {
  const res = spawnSync(join(ROOT, ".bin", name), argv, { env, encoding: "utf8", ...options });
  return { code: res.status, stdout: String(res.stdout), stderr: String(res.stderr) };
}

const withSnapshot = () => ({ ...moto.env, XDG_CACHE_HOME: cache });
const withoutSnapshot = () => ({ ...withSnapshot(), IAMKIT_NO_SNAPSHOT: "1" });
const WAYS = [
  ["from the snapshot", "snap", withSnapshot],
  ["without it", "plain", withoutSnapshot],
] as const;

/** What sh runs when it starts a bin: its trace names the Node command line the launcher execs. */
function launched(name: string, env: NodeJS.ProcessEnv, argv = ["--version"]): string {
  const res = spawnSync("sh", ["-x", join(ROOT, ".bin", name), ...argv], { env, encoding: "utf8" });
  return res.stderr.split("\n").filter((line) => line.startsWith("+ exec node")).join("\n");
}

/** What a failed background build wrote in its lock; "" while it builds, or once it succeeded and removed it. */
function lockReason(lock: string): string {
  try {
    return readFileSync(join(snapshots, lock), "utf8");
  } catch {
    return "";
  }
}

beforeAll(async () => {
  // The first call finds no snapshot, runs as a Node module and starts building one.
  expect(installed("iam-usergetattributes", ["--version"], { ...moto.env, XDG_CACHE_HOME: cache, TMPDIR: scratch }).code).toBe(0);
  // Asked for before the command ended, even one as quick as --version: its lock is there.
  const lock = () => (existsSync(snapshots) ? readdirSync(snapshots).find((f) => f.endsWith(".blob.lock")) : undefined);
  expect(lock() ?? blobs()[0]).toBeDefined();
  for (let held = lock(); held !== undefined; held = lock()) {
    const failed = lockReason(held);
    if (failed) throw new Error(`the background build failed: ${failed}`);
    await sleep(200);
  }
  expect(blobs()).toHaveLength(1);
}, 120_000);
afterAll(() => {
  for (const dir of [cache, scratch]) rmSync(dir, { recursive: true, force: true });
});

describe("the snapshot built on first use", () => {
  it("is one file for this build and this Node binary, in a directory of the user's own", () => {
    const buildId = readFileSync(join(ROOT, "dist/bundle/snapshot/build-id"), "utf8").trim();
    const node = statSync(process.execPath);
    expect(blobs()).toEqual([`${buildId}-node-${node.ino}-${node.size}.blob`]);
    expect(readdirSync(snapshots)).toEqual(blobs());
    expect(statSync(snapshots).mode & 0o777).toBe(0o700);
  });

  it("leaves nothing in the temporary directory: the builder's warm-up call removes its credential file", () => {
    expect(readdirSync(scratch)).toEqual([]);
  });

  it("is what the launcher starts Node from, help included, unless told not to or NODE_OPTIONS is set", () => {
    const env = withSnapshot();
    expect(launched("iam-usergetattributes", env)).toMatch(/^\+ exec node --no-rehash-snapshot --snapshot-blob \S+\.blob -- \S+\/\.bin\/iam-usergetattributes --version$/);
    expect(launched("iam-usergetattributes", withoutSnapshot())).toMatch(/^\+ exec node \S+\/\.bin\/iam-usergetattributes --version$/);
    expect(launched("iam-usergetattributes", { ...env, NODE_OPTIONS: "--no-warnings" })).toMatch(/^\+ exec node \S+\/\.bin\/iam-usergetattributes --version$/);
    expect(launched("iam-usergetattributes", env, ["-u", "x", "-h"])).toMatch(/^\+ exec node --no-rehash-snapshot --snapshot-blob \S+\.blob -- \S+\/\.bin\/iam-usergetattributes -u x -h$/);
  });

  it("gives the same output, errors and exit codes as the bins without it", async () => {
    await moto.iam.createUser({ UserName: "both-ways" });
    const calls: [string, string[]][] = [
      ["iam-usergetattributes", ["-u", "both-ways"]],
      ["iam-usergetattributes", ["-u", "nobody"]],
      ["iam-usercreate", ["-u", "bad name"]],
      ["iam-userdel", ["--verbos"]],
      ["euare-userdel", ["-h"]],
      ["iam-userlistbypath", ["-p", "/"]],
      ["iamkit", ["--version", "-d"]],
      ["iamkit", []],
      ["iamkit", ["--list"]],
      ["iamkit", ["completion", "zsh"]],
    ];
    for (const [name, argv] of calls) {
      expect(installed(name, argv, withSnapshot()), `${name} ${argv.join(" ")}`).toEqual(installed(name, argv, withoutSnapshot()));
    }
  });

  it.skipIf(process.getuid?.() !== 0)("is neither used nor written where another user owns the cache (changing owners needs root)", () => {
    const other = mkdtempSync(join(tmpdir(), "iamkit-cache-"));
    const theirs = join(other, "iamkit");
    mkdirSync(theirs);
    const planted = join(theirs, blobs()[0]);
    writeFileSync(planted, "not a snapshot: Node would abort on it");
    for (const path of [theirs, planted]) chownSync(path, 65534, 65534);
    const env = { ...withSnapshot(), XDG_CACHE_HOME: other };
    expect(launched("iam-usergetattributes", env)).toMatch(/^\+ exec node \S+\/\.bin\/iam-usergetattributes --version$/);
    expect(installed("iam-usergetattributes", ["--version"], env)).toMatchObject({ code: 0, stderr: "" });
    expect(readdirSync(theirs)).toEqual([blobs()[0]]);
    expect(readFileSync(planted, "utf8")).toBe("not a snapshot: Node would abort on it");
    rmSync(other, { recursive: true, force: true });
  });
});

describe.each(WAYS)("the installed commands %s", (_way, tag, env) => {
  it("answer a request, IAM's refusal and a usage error", async () => {
    await moto.iam.createUser({ UserName: `user-${tag}`, Path: "/ops/" });
    expect(installed("iam-usergetattributes", ["-u", `user-${tag}`], env())).toEqual({
      code: 0,
      stdout: expect.stringMatching(new RegExp(`^arn:aws:iam::123456789012:user/ops/user-${tag}\\n\\w+\\n$`)),
      stderr: "",
    });
    const refused = installed("iam-usergetattributes", ["-u", "nobody"], env());
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toMatch(/^iam-usergetattributes: error \(NoSuchEntity\): .*nobody/);
    expect(installed("iam-usercreate", ["-u", "bad name"], env())).toMatchObject({ code: 2, stdout: "" });
  });

  it("change the account as the named command, euare- names included", async () => {
    expect(installed("euare-groupcreate", ["-g", `group-${tag}`], env())).toEqual({ code: 0, stdout: "", stderr: "" });
    const { Group } = await moto.iam.getGroup({ GroupName: `group-${tag}` });
    expect(Group?.GroupName).toBe(`group-${tag}`);
  });

  it("dispatch as iamkit, print the version and the completion script, refuse unknown names", () => {
    const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;
    expect(installed("iamkit", ["--version"], env())).toEqual({ code: 0, stdout: `iamkit ${version}\n`, stderr: "" });
    expect(installed("iamkit", ["completion", "bash"], env()).stdout).toContain("iam-usergetattributes");
    expect(installed("iamkit", ["nosuchcommand"], env())).toEqual({
      code: 2,
      stdout: "",
      stderr: 'iamkit: unknown command "iam-nosuchcommand"; run iamkit --help for the list\n',
    });
  });

  it("read standard input when a command asks for it", async () => {
    const user = `reader-${tag}`;
    await moto.iam.createUser({ UserName: user });
    const policy = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:ListBucket", Resource: "*" }] });
    expect(installed("iam-useruploadpolicy", ["-u", user, "-p", "from-stdin", "-f", "-"], env(), { input: policy })).toEqual({ code: 0, stdout: "", stderr: "" });
    const stored = await moto.iam.getUserPolicy({ UserName: user, PolicyName: "from-stdin" });
    expect(JSON.parse(decodeURIComponent(stored.PolicyDocument!))).toEqual(JSON.parse(policy));
  });

  it("end by the signal that interrupts them: the launcher's process is Node's", async () => {
    const run = start(join(ROOT, ".bin", "iam-useruploadpolicy"), ["-u", "nobody", "-p", "p", "-f", "-", "-d"], { env: env(), stdio: ["pipe", "pipe", "pipe"] });
    // The endpoint line comes once the run is set up; standard input stays open and empty.
    await run.stderrLine(/debug: endpoint: /);
    run.child.kill("SIGINT");
    const res = await run.ended;
    expect(res).toMatchObject({ code: null, signal: "SIGINT", stdout: "" });
    expect(res.stderr.trimEnd().split("\n").at(-1)).toBe("iam-useruploadpolicy: interrupted by SIGINT; no further requests were sent");
  });
});

describe("without sh (Windows), the install gives the bins Node's first line", () => {
  it("and they run as Node modules, answering as before", async () => {
    const copy = mkdtempSync(join(tmpdir(), "iamkit-nosh-"));
    mkdirSync(join(copy, "bin"));
    for (const file of ["iam-usergetattributes.js", "iamkit.js"]) copyFileSync(join(ROOT, "bin", file), join(copy, "bin", file));
    for (const shared of ["dist", "package.json", "node_modules"]) symlinkSync(join(ROOT, shared), join(copy, shared));
    const { startBinsWithNode } = await import(pathToFileURL(join(ROOT, "dist/bundle/cli/snapshot.js")).href);
    startBinsWithNode(join(copy, "bin"));
    const bin = readFileSync(join(copy, "bin/iam-usergetattributes.js"), "utf8");
    expect(bin).toBe(readFileSync(join(ROOT, "bin/iam-usergetattributes.js"), "utf8").replace(/^#!\/bin\/sh\n/, "#!/usr/bin/env node\n"));
    await moto.iam.createUser({ UserName: "no-sh" });
    const run = (path: string, argv: string[]) => {
      const res = spawnSync(path, argv, { env: withoutSnapshot(), encoding: "utf8" });
      return { code: res.status, stdout: res.stdout, stderr: res.stderr };
    };
    for (const [name, argv] of [["iam-usergetattributes", ["-u", "no-sh"]], ["iamkit", ["--version"]]] as [string, string[]][]) {
      const res = run(join(copy, "bin", `${name}.js`), argv);
      expect(res).toEqual(run(join(ROOT, ".bin", name), argv));
      expect(res).toMatchObject({ code: 0, stdout: expect.stringMatching(/^(arn:aws:iam::123456789012:user\/no-sh\n\w+|iamkit \S+)\n$/) });
    }
    rmSync(copy, { recursive: true, force: true });
  });
});
