import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, useMoto } from "./harness/moto.js";

/** The module files a bin loads, seen through a load hook in a real process. */
function modulesLoaded(name: string, argv: string[], env: NodeJS.ProcessEnv = {}) {
  const res = spawnSync(
    process.execPath,
    ["--import", join(ROOT, "test/support/log-modules.mjs"), join(ROOT, "bin", `${name}.js`), ...argv],
    { env: { PATH: process.env.PATH, ...env }, encoding: "utf8" },
  );
  const modules = res.stderr.split("\n").filter((l) => l.startsWith("module: ")).map((l) => l.slice(8));
  return { code: res.status, modules };
}

const commandModules = (modules: string[]) => modules.filter((m) => m.includes("/dist/commands/")).map((m) => m.split("/").pop());
const moto = useMoto();

describe("start-up loads only what the command needs", () => {
  it("-h loads the one command module and neither the SDK nor node-forge", () => {
    const { code, modules } = modulesLoaded("iam-useraddcert", ["-h"]);
    expect(code).toBe(0);
    expect(commandModules(modules)).toEqual(["iam-useraddcert.js"]);
    expect(modules.filter((m) => m.includes("@aws-sdk") || m.includes("node-forge"))).toEqual([]);
  });

  it("a usage error loads no SDK either", () => {
    const { code, modules } = modulesLoaded("iam-usercreate", ["-u", "bad name"]);
    expect(code).toBe(2);
    expect(modules.filter((m) => m.includes("@aws-sdk"))).toEqual([]);
  });

  it("a real call loads the SDK but not node-forge, chalk or other commands", () => {
    const { code, modules } = modulesLoaded("iam-userlistbypath", [], moto.env);
    expect(code).toBe(0);
    expect(commandModules(modules)).toEqual(["iam-userlistbypath.js"]);
    expect(modules.some((m) => m.includes("@aws-sdk/client-iam"))).toBe(true);
    expect(modules.filter((m) => /node-forge|chalk|https-proxy-agent|jsonc-parser/.test(m))).toEqual([]);
  });

  it("--generate is what loads node-forge", () => {
    const { modules } = modulesLoaded("iam-useraddcert", ["-u", "nobody", "--generate", "--cert-out", "-", "--key-out", "-"], moto.env);
    expect(modules.some((m) => m.includes("node-forge"))).toBe(true);
  });
});
