#!/usr/bin/env node
// Bundles the compiled dist/ into dist/bundle/ for the bin shims (run after tsc): one ESM entry per
// command plus the CLI entry, sharing split chunks, with the AWS SDK taken from its ES module
// builds (`module` before `main`). Loading a few large files instead of a few hundred small ones,
// and no CommonJS-to-ESM translation of the SDK, is what cuts start-up (docs/performance.md).
// The layout below dist/bundle mirrors dist/, so main.js finds commands/<noun>/<name>.js as before.
// Also writes dist/bundle/inputs.json: which sources each output file holds, for the start-up test.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { build } from "esbuild";

const root = new URL("..", import.meta.url).pathname;
const dist = `${root}dist`;
const outdir = `${dist}/bundle`;
// Each noun folder holds commands; commands/shared holds what they are built from, not commands.
const commands = readdirSync(`${dist}/commands`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== "shared")
  .flatMap((noun) => readdirSync(`${dist}/commands/${noun.name}`).filter((f) => f.endsWith(".js")).map((f) => `${dist}/commands/${noun.name}/${f}`));

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: [`${dist}/cli/main.js`, ...commands],
  outbase: dist,
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  mainFields: ["module", "main"],
  // The package's runtime dependencies, CommonJS packages loaded only on demand (--generate, a
  // configured proxy): left as package imports, which also keeps Node's own CommonJS interop for
  // their named exports. Everything else is bundled and is a devDependency.
  external: Object.keys(JSON.parse(readFileSync(`${root}package.json`, "utf8")).dependencies),
  chunkNames: "chunks/[name]-[hash]",
  // CommonJS dependencies (commander) require Node built-ins; ESM output has no `require` of its own.
  // Every chunk gets the banner but few ever require anything, so the real require is made on the
  // first call: creating one in each of the chunks a call loads cost start-up about a millisecond.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; let __nodeRequire; const require = (id) => (__nodeRequire ??= __createRequire(import.meta.url))(id);',
  },
  metafile: true,
  logLevel: "warning",
});

const inputs = Object.fromEntries(
  Object.entries(result.metafile.outputs).map(([output, { inputs }]) => [
    relative(outdir, `${root}${output}`),
    Object.keys(inputs).map((input) => relative(root, `${root}${input}`)),
  ]),
);
writeFileSync(`${outdir}/inputs.json`, JSON.stringify(inputs, null, 1) + "\n");
console.error(`bundled ${commands.length} commands into ${relative(root, outdir)}`);
