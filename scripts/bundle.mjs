#!/usr/bin/env node
// Bundles the compiled dist/ into dist/bundle/ for the bin shims (run after tsc): one ESM entry per
// command plus the CLI entry, sharing split chunks, with the AWS SDK taken from its ES module
// builds (`module` before `main`). Loading a few large files instead of a few hundred small ones,
// and no CommonJS-to-ESM translation of the SDK, is what cuts start-up (docs/performance.md).
// The layout below dist/bundle mirrors dist/, so main.js finds commands/<noun>/<name>.js as before.
// Also writes dist/bundle/inputs.json: which sources each output file holds, for the start-up test,
// and dist/bundle/snapshot/: the entry a startup snapshot is built from (scripts/snapshot-entry.mjs
// with everything it imports in one script) and its build-id, which names the snapshots made of it.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = `${root}dist`;
const outdir = `${dist}/bundle`;
// Each noun folder holds commands; commands/shared holds what they are built from, not commands.
const commands = readdirSync(`${dist}/commands`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== "shared")
  .flatMap((noun) => readdirSync(`${dist}/commands/${noun.name}`).filter((f) => f.endsWith(".js")).map((f) => `${dist}/commands/${noun.name}/${f}`));

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: [`${dist}/cli/main.js`, `${dist}/cli/snapshot.js`, ...commands],
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

/**
 * Node 20's snapshot builder cannot load node:http (and so node:https, node:http2): loading it
 * there throws. The SDK imports them at module level but uses them only to send, so each import
 * is replaced by an object with one getter per export that loads the real module on first use.
 * node:tls likewise (it leaves native functions V8 cannot serialize): the CA bundle's module
 * imports it, and the builder's warm-up call evaluates that module.
 */
const LAZY_BUILTIN = /^(node:)?(http|https|http2|tls)$/;
const lazyBuiltins = {
  name: "lazy-http-builtins",
  setup(bundle) {
    const require = createRequire(import.meta.url);
    bundle.onResolve({ filter: LAZY_BUILTIN }, ({ path, namespace }) =>
      namespace === "lazy-builtin" ? { path, external: true } : { path: path.replace(/^node:/, ""), namespace: "lazy-builtin" },
    );
    bundle.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, ({ path }) => {
      const getters = Object.keys(require(path)).map((name) => `${JSON.stringify(name)}: { get: () => load()[${JSON.stringify(name)}], enumerable: true }`);
      return {
        contents: `let loaded;\nconst load = () => (loaded ??= require("node:${path}"));\nmodule.exports = Object.defineProperties({}, {\n${getters.join(",\n")}\n});\n`,
        loader: "js",
      };
    });
  },
};

const snapshotEntry = `${outdir}/snapshot/entry.js`;
await build({
  absWorkingDir: root,
  entryPoints: [`${root}scripts/snapshot-entry.mjs`],
  outfile: snapshotEntry,
  bundle: true,
  // A script, not a module: the snapshot builder runs it with require() for built-ins only. The
  // global name keeps the entry's exports (see evaluatedAhead there) alive in the snapshot.
  format: "iife",
  globalName: "iamkit",
  platform: "node",
  target: "node20",
  mainFields: ["module", "main"],
  plugins: [lazyBuiltins],
  // Every run loads the snapshot's heap, the source text included: without whitespace and with
  // shorter syntax a call takes about 6% less CPU time (docs/performance.md). Names are kept, so
  // a stack trace (IAMKIT_TRACE) still names its functions.
  minifyWhitespace: true,
  minifySyntax: true,
  // A script has no import.meta: the entry sets where the running bin (or executable) is, from
  // which the version is read and nothing else (main.ts's module loader is unused once the
  // command table is preloaded).
  define: { "import.meta.url": "globalThis.iamkitModuleUrl" },
  logLevel: "warning",
});
// The build id names the snapshots built from this entry under these V8 flags (the launcher runs
// one only with the flags it was built with).
const { SNAPSHOT_V8_FLAGS } = await import(pathToFileURL(`${dist}/core/snapshot-flags.js`).href);
const buildId = createHash("sha256").update(readFileSync(snapshotEntry)).update(SNAPSHOT_V8_FLAGS.join(" ")).digest("hex").slice(0, 16);
writeFileSync(`${outdir}/snapshot/build-id`, `${buildId}\n`);
