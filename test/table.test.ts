import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../src/commands/index.js";
import * as gen from "../src/gen/artifacts.js";
import { binNames, euareName } from "../src/usage/bin-names.js";
import { MAN_DIR, manList, manPages } from "../src/gen/man.js";
import { globalOptions } from "../src/usage/global-options.js";
import { commandModulePath } from "../src/commands/module-paths.js";
import { commandOptions } from "../src/core/dry-run.js";
import { ROOT } from "./harness/moto.js";
import { commandTableSources } from "../scripts/command-table.mjs";

const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const names = COMMANDS.map((c) => c.name);

describe("the command table", () => {
  it("is sorted by name, without duplicates", () => {
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
  });

  it("lists every module under src/commands, each where its name says", () => {
    // src/commands/shared holds the parts commands are built from; every other folder is a noun.
    const modules = readdirSync(join(ROOT, "src/commands"))
      .filter((entry) => entry !== "shared" && statSync(join(ROOT, "src/commands", entry)).isDirectory())
      .flatMap((noun) => readdirSync(join(ROOT, "src/commands", noun)).map((file) => `${noun}/${file.replace(/\.ts$/, "")}`));
    expect(names.map((n) => commandModulePath(n)).sort()).toEqual(modules.sort());
  });

  it("gives every command a sentence and options that do not collide", () => {
    for (const spec of COMMANDS) {
      expect(spec.summary, spec.name).toMatch(/^[A-Z].*\.$/);
      // Under its euare- name a command also takes euca2ools' -I, -S, --security-token and -U.
      const all = [...globalOptions(euareName(spec) ?? spec.name), ...commandOptions(spec)];
      const shorts = all.map((o) => o.short).filter(Boolean);
      expect(new Set(shorts).size, `${spec.name} short letters`).toBe(shorts.length);
      expect(new Set(all.map((o) => o.long)).size, `${spec.name} long names`).toBe(all.length);
      expect(new Set(all.map((o) => o.key)).size, `${spec.name} keys`).toBe(all.length);
      if (spec.positional) expect(spec.options.map((o) => o.key), `${spec.name} positional`).toContain(spec.positional);
    }
  });
});

describe("generated artifacts match the table (run `npm run generate` after changing a command)", () => {
  it("src/commands/index.ts and nouns.ts register exactly the modules under src/commands", () => {
    const { index, nouns } = commandTableSources(ROOT);
    expect(readFileSync(join(ROOT, "src/commands/index.ts"), "utf8")).toBe(index);
    expect(readFileSync(join(ROOT, "src/commands/nouns.ts"), "utf8")).toBe(nouns);
  });

  it("bin/ holds exactly one shim per command plus the dispatcher", () => {
    const installed = binNames(COMMANDS);
    expect(readdirSync(join(ROOT, "bin")).sort()).toEqual(["iamkit.js", ...installed.map((n) => `${n}.js`)].sort());
    expect(read("bin/iamkit.js")).toBe(gen.DISPATCHER_SHIM);
    for (const name of installed) {
      expect(read(`bin/${name}.js`), name).toBe(gen.binShim(name));
      expect(statSync(join(ROOT, `bin/${name}.js`)).mode & 0o111, `${name} is executable`).not.toBe(0);
    }
  });

  it("package.json#bin maps every command", () => {
    expect(JSON.parse(read("package.json")).bin).toEqual(gen.binMap(COMMANDS));
  });

  it("docs/commands has one page per command and the index", () => {
    expect(readdirSync(join(ROOT, "docs/commands")).sort()).toEqual(["README.md", ...names.map((n) => `${n}.md`)].sort());
    for (const spec of COMMANDS) expect(read(`docs/commands/${spec.name}.md`), spec.name).toBe(gen.commandDoc(spec));
    expect(read("docs/commands/README.md")).toBe(gen.commandIndexDoc(COMMANDS));
  });

  it("docs/man has the iamkit page, one page per command and per euare- name, each listed in package.json#man", () => {
    const pages = manPages(COMMANDS);
    const commandPages = [...names, ...binNames(COMMANDS).filter((n) => n.startsWith("euare-"))].map((n) => `${n}.1`);
    expect(readdirSync(join(ROOT, MAN_DIR)).sort()).toEqual(["iamkit.1", ...commandPages].sort());
    for (const [file, page] of pages) expect(read(`${MAN_DIR}/${file}`), file).toBe(page);
    expect(JSON.parse(read("package.json")).man).toEqual(manList(COMMANDS));
  });

  it("each man page names its command, its usage line and every option", () => {
    const page = read(`${MAN_DIR}/iam-userdel.1`);
    expect(page).toMatch(/^\.TH IAM-USERDEL 1 /m);
    expect(page).toContain("iam\\-userdel [options...] arguments...");
    expect(page).toContain("\\-r (\\-\\-recursive)");
    expect(read(`${MAN_DIR}/euare-userdel.1`)).toBe(".so man1/iam-userdel.1\n");
  });

  it("README.md's command list is current", () => {
    const readme = read("README.md");
    expect(readme).toBe(gen.readmeWithCommands(readme, COMMANDS));
  });
});
