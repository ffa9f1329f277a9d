#!/usr/bin/env node
// npm's `prepare`: builds dist/ whenever npm makes the package from source: `npm ci` or
// `npm install` in a checkout, `npm pack`, `npm install -g .` and `npm install -g git+<url>`.
// The build needs the devDependencies (TypeScript, esbuild, the AWS SDK it bundles). npm does not
// install them for a global install from git (npm/cli#8440: the nested install inherits
// --global and puts them elsewhere), so when any is missing this script installs them into the
// package directory itself, locally, from package-lock.json, and then builds. A failure stops the
// install with npm's error: the commands are never left pointing at a missing build.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const root = new URL("..", import.meta.url).pathname;
const { devDependencies } = JSON.parse(readFileSync(`${root}package.json`, "utf8"));
const missing = Object.keys(devDependencies).filter((name) => !existsSync(`${root}node_modules/${name}/package.json`));

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
