import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
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

const commandModules = (sources: string[]) => sources.filter((s) => s.startsWith("dist/commands/")).map((s) => s.split("/").pop());
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
