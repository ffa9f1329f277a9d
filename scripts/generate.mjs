#!/usr/bin/env node
// Writes the artifacts derived from the command table (run after `npm run build`):
// bin/*.js, package.json#bin and #man, docs/commands/*.md, docs/man/*.1, README.md's command list and
// docs/operations.md.
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { COMMANDS } from "../dist/commands/index.js";
import * as gen from "../dist/gen/artifacts.js";
import { binNames } from "../dist/usage/bin-names.js";
import { MAN_DIR, manList, manPages } from "../dist/gen/man.js";
import { IAM } from "@aws-sdk/client-iam";
import { operationsDoc, sdkOperations } from "../dist/gen/operations.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const write = (path, text, mode) => {
  writeFileSync(root + path, text);
  if (mode) chmodSync(root + path, mode);
};

for (const dir of ["bin", "docs/commands", MAN_DIR]) {
  mkdirSync(root + dir, { recursive: true });
  for (const file of readdirSync(root + dir)) rmSync(`${root}${dir}/${file}`);
}

write("bin/iamkit.js", gen.DISPATCHER_SHIM, 0o755);
for (const name of binNames(COMMANDS)) write(`bin/${name}.js`, gen.binShim(name), 0o755);
for (const spec of COMMANDS) write(`docs/commands/${spec.name}.md`, gen.commandDoc(spec));
write("docs/commands/README.md", gen.commandIndexDoc(COMMANDS));
for (const [file, page] of manPages(COMMANDS)) write(`${MAN_DIR}/${file}`, page);

const pkg = JSON.parse(readFileSync(root + "package.json", "utf8"));
pkg.bin = gen.binMap(COMMANDS);
pkg.man = manList(COMMANDS);
write("package.json", JSON.stringify(pkg, null, 2) + "\n");
write("README.md", gen.readmeWithCommands(readFileSync(root + "README.md", "utf8"), COMMANDS));
const sdkVersion = JSON.parse(readFileSync(root + "node_modules/@aws-sdk/client-iam/package.json", "utf8")).version;
write("docs/operations.md", operationsDoc(COMMANDS, sdkOperations(IAM), `@aws-sdk/client-iam ${sdkVersion}`));
console.error(`generated ${COMMANDS.length} commands`);
