import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, useMoto } from "./harness/moto.js";

const BUNDLE = join(ROOT, "dist/bundle/");

/**
 * The source files a bin loads, seen through a load hook in a real process. The bins run the
 * bundle (scripts/bundle.mjs): each bundle file loaded stands for the sources it holds, as
 * dist/bundle/inputs.json records them (dist/... for iamkit's own, node_modules/... for packages).
 */
function sourcesLoaded(name: string, argv: string[], env: NodeJS.ProcessEnv = {}) {
  const res = spawnSync(
    process.execPath,
    ["--import", join(ROOT, "test/support/log-modules.mjs"), join(ROOT, "bin", `${name}.js`), ...argv],
    { env: { PATH: process.env.PATH, ...env }, encoding: "utf8" },
  );
  const inputs: Record<string, string[]> = JSON.parse(readFileSync(join(BUNDLE, "inputs.json"), "utf8"));
  const sources = res.stderr
    .split("\n")
    .filter((l) => l.startsWith("module: "))
    .flatMap((l) => {
      const path = fileURLToPath(l.slice(8));
      return path.startsWith(BUNDLE) ? inputs[path.slice(BUNDLE.length)] ?? [] : [relative(ROOT, path)];
    });
  return { code: res.status, sources };
}

// The command modules proper, in their noun folders (dist/commands/shared holds what they are built from).
const commandModules = (sources: string[]) => sources.filter((s) => /^dist\/commands\/(?!shared\/)[a-z]+\/iam-/.test(s)).map((s) => s.split("/").pop());
const moto = useMoto();

describe("start-up loads only what the command needs", () => {
  it("-h loads the one command module and neither the SDK, node-forge nor the flag parser", () => {
    const { code, sources } = sourcesLoaded("iam-useraddcert", ["-h"]);
    expect(code).toBe(0);
    expect(commandModules(sources)).toEqual(["iam-useraddcert.js"]);
    expect(sources.filter((s) => /@aws-sdk|node-forge|commander/.test(s))).toEqual([]);
  });

  it("a usage error loads no SDK either", () => {
    const { code, sources } = sourcesLoaded("iam-usercreate", ["-u", "bad name"]);
    expect(code).toBe(2);
    expect(sources.filter((s) => s.includes("@aws-sdk"))).toEqual([]);
  });

  it("a real call loads the SDK but not node-forge, chalk or other commands", () => {
    const { code, sources } = sourcesLoaded("iam-userlistbypath", [], moto.env);
    expect(code).toBe(0);
    expect(commandModules(sources)).toEqual(["iam-userlistbypath.js"]);
    expect(sources.some((s) => s.includes("@aws-sdk/client-iam"))).toBe(true);
    expect(sources.filter((s) => /node-forge|chalk|https-proxy-agent|jsonc-parser/.test(s))).toEqual([]);
  });

  it("--generate is what loads node-forge", () => {
    const { sources } = sourcesLoaded("iam-useraddcert", ["-u", "nobody", "--generate", "--cert-out", "-", "--key-out", "-"], moto.env);
    expect(sources.some((s) => s.includes("node-forge"))).toBe(true);
  });
});

/**
 * The single executable (npm run build:exe) starts from a V8 snapshot of the evaluated CLI. The
 * same snapshot runs under this Node with `--snapshot-blob`, started by a command's name as argv0
 * as the executable's links are; every answer must match the npm bin's, byte for byte.
 */
describe("the start-up snapshot runs the commands as the bins do", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "iamkit-snapshot-"));
    const res = spawnSync(process.execPath, [join(ROOT, "scripts/build-exe.mjs"), "--snapshot-only", dir], { encoding: "utf8" });
    if (res.status !== 0) throw new Error(`building the snapshot failed: ${res.stderr}`);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const fromSnapshot = (name: string, argv: string[]) =>
    spawnSync(process.execPath, ["--snapshot-blob", join(dir, "iamkit.blob"), "--", ...argv], { argv0: name, env: moto.env, encoding: "utf8" });
  const fromBin = (name: string, argv: string[]) =>
    spawnSync(process.execPath, [join(ROOT, "bin", `${name}.js`), ...argv], { env: moto.env, encoding: "utf8" });
  const outcome = (res: ReturnType<typeof spawnSync>) => ({ code: res.status, stdout: res.stdout, stderr: res.stderr });

  it("answers a request with the bin's output and exit code", async () => {
    await moto.iam.createUser({ UserName: "snap", Path: "/ops/" });
    const res = fromSnapshot("iam-usergetattributes", ["-u", "snap"]);
    expect(outcome(res)).toEqual(outcome(fromBin("iam-usergetattributes", ["-u", "snap"])));
    expect(res.status).toBe(0);
    expect(res.stdout).toContain("arn:aws:iam::123456789012:user/ops/snap");
  });

  it("changes the account, as the named command", async () => {
    expect(fromSnapshot("iam-groupcreate", ["-g", "from-snapshot"]).status).toBe(0);
    const { Group } = await moto.iam.getGroup({ GroupName: "from-snapshot" });
    expect(Group?.GroupName).toBe("from-snapshot");
  });

  it("reports IAM's refusal and a usage error as the bin does", () => {
    const refused = fromSnapshot("iam-usergetattributes", ["-u", "nobody"]);
    expect(refused.status).toBe(1);
    expect(outcome(refused)).toEqual(outcome(fromBin("iam-usergetattributes", ["-u", "nobody"])));
    const usage = fromSnapshot("iam-usercreate", ["-u", "bad name"]);
    expect(usage.status).toBe(2);
    expect(outcome(usage)).toEqual(outcome(fromBin("iam-usercreate", ["-u", "bad name"])));
  });

  it("as iamkit dispatches by name, takes euare- names and refuses unknown ones", async () => {
    await moto.iam.createUser({ UserName: "dispatched" });
    const direct = fromBin("iam-usergetattributes", ["-u", "dispatched"]);
    expect(outcome(fromSnapshot("iamkit", ["usergetattributes", "-u", "dispatched"]))).toEqual(outcome(direct));
    expect(outcome(fromSnapshot("euare-usergetattributes", ["-u", "dispatched"]))).toEqual(outcome(direct));
    const unknown = fromSnapshot("iam-nosuchcommand", []);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('iamkit: unknown command "iam-nosuchcommand"; run iamkit --help for the list\n');
  });

  it("reads standard input when a command asks for it", async () => {
    await moto.iam.createUser({ UserName: "reader" });
    const policy = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:ListBucket", Resource: "*" }] });
    const res = spawnSync(process.execPath, ["--snapshot-blob", join(dir, "iamkit.blob"), "--", "-u", "reader", "-p", "from-stdin", "-f", "-"], {
      argv0: "iam-useruploadpolicy",
      env: moto.env,
      input: policy,
      encoding: "utf8",
    });
    expect(res.stderr).toBe("");
    expect(res.status).toBe(0);
    const stored = await moto.iam.getUserPolicy({ UserName: "reader", PolicyName: "from-stdin" });
    expect(JSON.parse(decodeURIComponent(stored.PolicyDocument!))).toEqual(JSON.parse(policy));
  });
});
