import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, useMoto } from "./harness/moto.js";
import { binPath } from "./harness/run-bin.js";

const BUNDLE = join(ROOT, "dist/bundle/");

/**
 * The source files a bin loads, seen through a load hook in a real process. The bins run the
 * bundle (scripts/bundle.mjs): each bundle file loaded stands for the sources it holds, as
 * dist/bundle/inputs.json records them (dist/... for iamkit's own, node_modules/... for packages).
 */
function sourcesLoaded(name: string, argv: string[], env: NodeJS.ProcessEnv = {}) {
  const res = spawnSync(
    process.execPath,
    ["--import", join(ROOT, "test/support/log-modules.mjs"), binPath(name), ...argv],
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
 * `build-exe.mjs --snapshot-only DIR` writes the snapshot, DIR/iamkit.blob, and leaves whatever else
 * DIR holds; the snapshot runs the command its first argument names, as the bins' launcher runs it.
 */
describe("build-exe.mjs --snapshot-only", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "iamkit-snapshot-"));
    writeFileSync(join(dir, "keep.txt"), "not the script's\n");
    const res = spawnSync(process.execPath, [join(ROOT, "scripts/build-exe.mjs"), "--snapshot-only", dir], { encoding: "utf8" });
    if (res.status !== 0) throw new Error(`building the snapshot failed: ${res.stderr}`);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("adds the snapshot to the folder and removes nothing", () => {
    expect(readdirSync(dir).sort()).toEqual(["iamkit.blob", "keep.txt"]);
    expect(readFileSync(join(dir, "keep.txt"), "utf8")).toBe("not the script's\n");
  });

  it("runs the command its first argument names, as the bin does", async () => {
    await moto.iam.createUser({ UserName: "snap", Path: "/ops/" });
    const fromSnapshot = spawnSync(process.execPath, ["--snapshot-blob", join(dir, "iamkit.blob"), "--", binPath("iam-usergetattributes"), "-u", "snap"], {
      env: moto.env,
      encoding: "utf8",
    });
    const fromBin = spawnSync(process.execPath, [binPath("iam-usergetattributes"), "-u", "snap"], { env: moto.env, encoding: "utf8" });
    expect(fromSnapshot.stdout).toContain("arn:aws:iam::123456789012:user/ops/snap");
    expect([fromSnapshot.status, fromSnapshot.stdout, fromSnapshot.stderr]).toEqual([fromBin.status, fromBin.stdout, fromBin.stderr]);
  });
});
