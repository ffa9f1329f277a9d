#!/usr/bin/env node
// npm run build:exe: builds dist/exe/iamkit, a single executable (Node's single executable
// application) that starts from a V8 startup snapshot of the evaluated CLI, plus one symlink per
// command name (dist/exe/iam-usercreate -> iamkit). Put dist/exe on PATH to use it. The executable
// embeds the Node binary that builds it, so build it with the Node it should run on (Node >= 20.12
// on Linux; the snapshot is tied to that exact binary).
//
// Steps: let Node build the snapshot from the entry `npm run build` bundled
// (dist/bundle/snapshot/entry.js, scripts/bundle.mjs) into a preparation blob, copy the Node binary
// and inject the blob with postject (pinned below, fetched by npm on first use).
//
// `--snapshot-only [DIR]` writes just the snapshot, DIR/iamkit.blob, and nothing else into DIR:
// `node --snapshot-blob DIR/iamkit.blob -- BIN ARGS` runs the command BIN names (a bin's path).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const POSTJECT = "postject@1.0.0-alpha.6";
/** The fuse Node looks for to know it carries an application; fixed for every Node release. */
const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";

const root = fileURLToPath(new URL("..", import.meta.url));
const entry = `${root}dist/bundle/snapshot/entry.js`;
const snapshotAt = process.argv.indexOf("--snapshot-only");
const snapshotOnly = snapshotAt > 0;
const outdir = resolve(snapshotOnly ? process.argv[snapshotAt + 1] ?? `${root}dist/exe` : `${root}dist/exe`);
const blob = `${outdir}/sea-prep.blob`;
const executable = `${outdir}/iamkit`;

// The executable's folder holds only what this script makes; a folder named for the snapshot is left as it is.
if (!snapshotOnly) rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

const quiet = { stdio: ["ignore", "ignore", "inherit"] };
// Node warns that some built-ins (child_process, module, sea) are not verified in snapshots: the
// CLI uses them only at run time, after the snapshot is loaded.
const NO_WARNINGS = "--no-warnings";
if (snapshotOnly) {
  execFileSync(process.execPath, [NO_WARNINGS, "--snapshot-blob", `${outdir}/iamkit.blob`, "--build-snapshot", entry], quiet);
  console.error(`built ${outdir}/iamkit.blob (Node ${process.version}): node --snapshot-blob iamkit.blob -- BIN ARGS`);
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
