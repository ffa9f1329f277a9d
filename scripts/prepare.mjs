#!/usr/bin/env node
// npm's `prepare`: builds dist/ whenever npm makes the package from source: `npm ci` or
// `npm install` in a checkout, `npm pack`, `npm install -g .` and `npm install -g git+<url>`.
// The build needs the devDependencies (TypeScript, esbuild, the AWS SDK it bundles); when any is
// missing (a global install of a bare checkout) this script installs them into the package
// directory itself, locally, from package-lock.json, and then builds. A failure stops the
// install with npm's error: the commands are never left pointing at a missing build.
//
// A global install from git meets npm/cli#8440: npm prepares the clone (in its cache) with a nested
// `npm install` that inherits --global, so that install links the global package to the clone
// itself; the real install is then written through that link into the clone, which npm deletes,
// leaving every command dangling. Replacing that link, and only that one, by an empty folder lets
// npm's real install land in the global folder as for a tarball. The runtime libraries travel inside
// the package (bundleDependencies) for the same reason: npm would otherwise unpack them through the
// link before this script runs.
import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const { name, dependencies, devDependencies } = JSON.parse(readFileSync(`${root}package.json`, "utf8"));
// The runtime libraries too: the package carries them (bundleDependencies).
const missing = Object.keys({ ...dependencies, ...devDependencies }).filter((dep) => !existsSync(`${root}node_modules/${dep}/package.json`));

function npm(args, env = process.env) {
  const result = spawnSync("npm", args, { cwd: root, env, stdio: ["ignore", process.stderr, "inherit"] });
  if (result.status !== 0) {
    console.error(`iamkit: \`npm ${args.join(" ")}\` failed in ${root}; iamkit is not built`);
    process.exit(result.status ?? 1);
  }
}

if (missing.length > 0) {
  console.error(`iamkit: installing the build tools to build from source (missing: ${missing.join(", ")})`);
  // Drop what the outer npm passed down (--global, its prefix): this install is local to the package.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_(global|prefix|location)$/i.test(key)));
  npm(["install", "--no-save", "--include=dev", "--ignore-scripts", "--no-audit", "--no-fund", "--location=project"], env);
}
npm(["run", "build"]);
// The startup snapshot the bins start from, for the Node running this install (src/cli/snapshot.ts).
const { installSnapshot } = await import(pathToFileURL(join(root, "dist/bundle/cli/snapshot.js")).href);
installSnapshot();

const globalInstall = process.env.npm_config_global === "true" || process.env.npm_config_location === "global";
// Only in the outer npm (the nested install marks its environment with _PACOTE_NO_PREPARE_).
if (globalInstall && !process.env._PACOTE_NO_PREPARE_ && /[\\/]_cacache[\\/]tmp[\\/]git-clone/.test(root)) {
  const link = join(spawnSync("npm", ["root", "--global"], { cwd: root, encoding: "utf8" }).stdout.trim(), name);
  if (existsSync(link) && lstatSync(link).isSymbolicLink() && realpathSync(link) === realpathSync(root)) {
    rmSync(link);
    mkdirSync(link); // where npm is about to unpack the package
  }
}
