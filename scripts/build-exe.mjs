#!/usr/bin/env node
// npm run build:exe: builds dist/exe/iamkit, a single executable (Node's single executable
// application) that starts from a V8 startup snapshot of the evaluated CLI, plus one symlink per
// command name (dist/exe/iam-usercreate -> iamkit). Put dist/exe on PATH to use it; the npm bins
// are unchanged. The executable embeds the Node binary that builds it, so build it with the Node
// it should run on (Node >= 20.12 on Linux; the snapshot is tied to that exact binary).
//
// Steps: bundle scripts/snapshot-entry.mjs into one script (a snapshot entry can load
// nothing else), let Node build the snapshot into a preparation blob, copy the Node binary and
// inject the blob with postject (pinned below, fetched by npm on first use).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { build } from "esbuild";

const POSTJECT = "postject@1.0.0-alpha.6";
/** The fuse Node looks for to know it carries an application; fixed for every Node release. */
const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";

/** `--snapshot-only [DIR]`: just the snapshot, DIR/iamkit.blob, for `node --snapshot-blob` (no executable). */
const snapshotAt = process.argv.indexOf("--snapshot-only");
const snapshotOnly = snapshotAt > 0;
const root = new URL("..", import.meta.url).pathname;
const outdir = resolve(snapshotOnly ? process.argv[snapshotAt + 1] ?? `${root}dist/exe` : `${root}dist/exe`);
const entry = `${outdir}/snapshot-entry.js`;
const blob = `${outdir}/sea-prep.blob`;
const executable = `${outdir}/iamkit`;

/**
 * Node 20's snapshot builder cannot load node:http (and so node:https, node:http2): loading it
 * there throws. The SDK imports them at module level but uses them only to send, so each import
 * is replaced by an object with one getter per export that loads the real module on first use.
 */
const LAZY_BUILTIN = /^(node:)?(http|https|http2)$/;
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

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: [`${root}scripts/snapshot-entry.mjs`],
  outfile: entry,
  bundle: true,
  // A script, not a module: the snapshot builder runs it with require() for built-ins only. The
  // global name keeps the entry's exports (see evaluatedAhead there) alive in the snapshot.
  format: "iife",
  globalName: "iamkit",
  platform: "node",
  target: "node20",
  mainFields: ["module", "main"],
  plugins: [lazyBuiltins],
  // main.ts's module loader (import.meta.url) is not used once the command table is preloaded.
  logOverride: { "empty-import-meta": "silent" },
  logLevel: "warning",
});

const quiet = { stdio: ["ignore", "ignore", "inherit"] };
// Node warns that some built-ins (child_process, module, sea) are not verified in snapshots: the
// CLI uses them only at run time, after the snapshot is loaded.
const NO_WARNINGS = "--no-warnings";
if (snapshotOnly) {
  execFileSync(process.execPath, [NO_WARNINGS, "--snapshot-blob", `${outdir}/iamkit.blob`, "--build-snapshot", entry], quiet);
  console.error(`built ${outdir}/iamkit.blob (Node ${process.version}): node --snapshot-blob iamkit.blob -- ARGS, argv0 the command name`);
  process.exit(0);
}
const config = `${outdir}/sea-config.json`;
writeFileSync(config, JSON.stringify({ main: entry, output: blob, useSnapshot: true, disableExperimentalSEAWarning: true }, null, 1));
execFileSync(process.execPath, [NO_WARNINGS, "--experimental-sea-config", config], quiet);
copyFileSync(process.execPath, executable);
// postject warns about every ELF note it skips; its output is shown only when it fails.
execFileSync("npm", ["exec", "--yes", `--package=${POSTJECT}`, "--", "postject", executable, "NODE_SEA_BLOB", blob, "--sentinel-fuse", SEA_FUSE], {
  stdio: "pipe",
});
rmSync(blob);

const { bin } = JSON.parse(readFileSync(`${root}package.json`, "utf8"));
const names = Object.keys(bin).filter((name) => name !== "iamkit");
for (const name of names) symlinkSync("iamkit", `${outdir}/${name}`);
console.error(`built ${executable} (Node ${process.version}) and ${names.length} command links in dist/exe`);
