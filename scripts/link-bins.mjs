#!/usr/bin/env node
// Makes .bin/ hold one symlink per package.json#bin entry, named as npm names them when it
// installs the package (iam-usercreate -> ../bin/iam-usercreate.js), so the test runbooks and the
// demo put .bin on PATH and call the commands exactly as an installed user would.
import { mkdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const { bin } = JSON.parse(readFileSync(root + "package.json", "utf8"));
rmSync(root + ".bin", { recursive: true, force: true });
mkdirSync(root + ".bin");
for (const [name, target] of Object.entries(bin)) symlinkSync(`../${target}`, `${root}.bin/${name}`);
