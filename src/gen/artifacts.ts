import type { CommandSpec } from "../core/define.js";
import { bareArgumentNote, optionLines, usageLine } from "../usage/help.js";
import { binNames, euareName } from "../usage/bin-names.js";
import { commandModulePath } from "../commands/module-paths.js";
import { SNAPSHOT_V8_FLAGS } from "../core/snapshot-flags.js";

/**
 * Everything generated from the command table: bin shims, package.json#bin, the docs pages and
 * README's command list. scripts/generate.mjs writes them; test/table.test.ts fails on any drift.
 */

export const GENERATED = "Generated from the command table by `npm run generate`; do not edit.";

/**
 * Where sh runs the bins (the kernel reads their first line), the launcher at the top starts Node
 * from the startup snapshot of this build for this Node binary (src/cli/snapshot.ts names it the
 * same way: build-id, the binary's inode and size) when there is one; otherwise, or without sh,
 * Node runs the file as a module, the bundle that scripts/bundle.mjs builds (docs/performance.md).
 * For Node the launcher is a string and a comment; it must hold no star-slash. It uses the snapshot
 * only without NODE_OPTIONS, since V8 refuses one built under other flags than the run's (it passes
 * the snapshot's own, src/core/snapshot-flags.ts).
 */
const LAUNCHER = `#!/bin/sh
':' /*
if [ -z "$IAMKIT_NO_SNAPSHOT$NODE_OPTIONS" ]; then
  bin=$0
  [ "\${bin%/*}" = "$bin" ] && bin=./$bin
  while [ -L "$bin" ]; do
    link=$(readlink "$bin") || break
    case $link in /*) bin=$link ;; *) bin=\${bin%/*}/$link ;; esac
  done
  snapshot() { [ -n "$6" ] && blob=\${XDG_CACHE_HOME:-$HOME/.cache}/iamkit/$build-node-$1-$6.blob; }
  if { read -r build < "\${bin%/*}/../dist/bundle/snapshot/build-id" && snapshot $(ls -Lin "$(command -v node)"); } 2>/dev/null; then
    [ -O "$blob" ] && [ -r "$blob" ] && exec node ${SNAPSHOT_V8_FLAGS.join(" ")} --snapshot-blob "$blob" -- "$0" "$@"
    IAMKIT_SNAPSHOT_MISSING=$blob
    export IAMKIT_SNAPSHOT_MISSING
  fi
fi
exec node "$0" "$@"
*/`;

export function binShim(name: string): string {
  return `${LAUNCHER}\n// ${GENERATED}\nimport { runBin } from "../dist/bundle/cli/main.js";\nawait runBin("${name}");\n`;
}

/** `iamkit`, the dispatcher. */
export const DISPATCHER_SHIM = binShim("iamkit");

export function binMap(specs: readonly CommandSpec<any, any>[]): Record<string, string> {
  const entries = binNames(specs).map((name) => [name, `bin/${name}.js`] as const);
  return Object.fromEntries([["iamkit", "bin/iamkit.js"], ...entries]);
}

/** What each exit code means, for the docs and man pages. */
export const EXIT_CODES: readonly (readonly [number, string])[] = [
  [0, "success"],
  [1, "IAM returned an error (`<command>: error (<Code>): <message>`)"],
  [2, "bad command line or locally invalid input; nothing was sent"],
  [3, "credentials or configuration missing or unreadable"],
  [4, "the endpoint could not be reached, timed out, or did not answer like IAM"],
  [5, "standard output could not take the result (disk full, I/O error, closed); a new key whose secret it held was deleted"],
  [130, "interrupted by SIGINT (Ctrl-C): no further request was sent but the deletion of a new key whose secret reached no one; the command ends by the signal"],
  [143, "interrupted by SIGTERM: no further request was sent but the deletion of a new key whose secret reached no one; the command ends by the signal"],
];

/** The sentences every page gives before the usage: the euare- alias and the bare-argument form. */
export function aliasNotes(spec: CommandSpec<any, any>): string[] {
  const euare = euareName(spec);
  const bare = bareArgumentNote(spec, euare ?? spec.name);
  return [
    ...(euare
      ? [`Also installed as ${euare}, the euca2ools name, which accepts the same options and euca2ools' -I, -S, --security-token and -U (see docs/migrating.md).`]
      : []),
    ...(bare ? [bare] : []),
  ];
}

/** What --json prints, the same for every command. */
export const JSON_NOTE = "With --json: one JSON document holding the IAM result (without $metadata; lists fully paginated).";

export function commandDoc(spec: CommandSpec<any, any>): string {
  const output = spec.output?.length ? spec.output.map((line) => `- ${line}`) : ["Nothing on success."];
  return [
    `# ${spec.name}`,
    "",
    `<!-- ${GENERATED} -->`,
    "",
    spec.summary,
    "",
    ...aliasNotes(spec).flatMap((note) => [note, ""]),
    "## Usage",
    "",
    "```",
    usageLine(spec.name),
    ...optionLines(spec),
    "```",
    "",
    "## Output (stdout)",
    "",
    ...output,
    "",
    JSON_NOTE,
    "",
    "## Exit codes",
    "",
    "| code | meaning |",
    "| --- | --- |",
    ...EXIT_CODES.map(([code, meaning]) => `| ${code} | ${meaning} |`),
    "",
    ...(spec.example ? ["## Example", "", "```sh", spec.example, "```", ""] : []),
    "## IAM operations",
    "",
    spec.operations.map((op) => `\`${op}\``).join(", "),
    "",
  ].join("\n");
}

/** Commands grouped by the entity their name starts with, each linked to its page. */
function groupedLinks(specs: readonly CommandSpec<any, any>[], linkPrefix: string): string[] {
  const byNoun = new Map<string, CommandSpec<any, any>[]>();
  for (const spec of specs) {
    const noun = commandModulePath(spec.name)!.split("/")[0];
    byNoun.set(noun, [...(byNoun.get(noun) ?? []), spec]);
  }
  return [...byNoun].flatMap(([noun, list]) => [
    `### ${noun}`,
    "",
    "| command | what it does |",
    "| --- | --- |",
    ...list.map((s) => `| [${s.name}](${linkPrefix}${s.name}.md) | ${s.summary} |`),
    "",
  ]);
}

export function commandIndexDoc(specs: readonly CommandSpec<any, any>[]): string {
  return ["# iamkit commands", "", `<!-- ${GENERATED} -->`, "", ...groupedLinks(specs, "")].join("\n");
}

export const README_START = "<!-- commands:start -->";
export const README_END = "<!-- commands:end -->";

/** README.md with the text between the command markers replaced by the current table. */
export function readmeWithCommands(readme: string, specs: readonly CommandSpec<any, any>[]): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${README_START} ... ${README_END} markers`);
  const table = groupedLinks(specs, "docs/commands/").join("\n");
  return `${readme.slice(0, start + README_START.length)}\n${table}${readme.slice(end)}`;
}
