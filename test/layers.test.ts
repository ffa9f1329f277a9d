import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "./harness/moto.js";

/**
 * The layers of src/ (.dependency-cruiser.cjs, CONTRIBUTING.md): imports run only downhill, with
 * no circle. dependency-cruiser reads the TypeScript sources, type-only imports included.
 */
const CONFIG = join(ROOT, ".dependency-cruiser.cjs");

/** Runs the project's own dependency-cruiser (also outside the checkout) on `cwd`'s src/ with the layer config. */
function cruise(cwd: string) {
  const res = spawnSync(join(ROOT, "node_modules/.bin/depcruise"), ["src", "--config", CONFIG], { cwd, encoding: "utf8" });
  return { code: res.status, output: `${res.stdout}${res.stderr}` };
}

const scratch = mkdtempSync(join(tmpdir(), "iamkit-layers-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function writeSource(path: string, text: string): void {
  mkdirSync(dirname(join(scratch, path)), { recursive: true });
  writeFileSync(join(scratch, path), text);
}

describe("the layers", () => {
  it("hold in src/: no upward import, no circle, no orphan", () => {
    const { code, output } = cruise(ROOT);
    expect(code, output).toBe(0);
    expect(output).toMatch(/no dependency violations found/);
  });

  it("are enforced: an upward import that closes a circle is reported by both rules", () => {
    copyFileSync(join(ROOT, "tsconfig.json"), join(scratch, "tsconfig.json"));
    writeSource("src/cli/main.ts", 'import { spec } from "../core/define.js";\nexport const run = () => spec;\n');
    writeSource("src/core/define.ts", 'import type { run } from "../cli/main.js";\nexport const spec = 1;\nexport type Run = typeof run;\n');
    const { code, output } = cruise(scratch);
    expect(code, output).not.toBe(0);
    expect(output).toContain("no-upward-from-core: src/core/define.ts → src/cli/main.ts");
    expect(output).toMatch(/no-circular: src\/(cli\/main|core\/define)\.ts →/);
  });
});
