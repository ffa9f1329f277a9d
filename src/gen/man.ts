import type { CommandSpec } from "../core/define.js";
import { DISPATCHER_FORMS, optionLines, usageLine } from "../usage/help.js";
import { euareName } from "../usage/bin-names.js";
import { EXIT_CODES, GENERATED, JSON_NOTE, aliasNotes } from "./artifacts.js";

/**
 * Man pages generated from the command table, beside docs/commands: docs/man/iam-<name>.1 per
 * command and, for each euca2ools name, docs/man/euare-<name>.1 that sources the iam- page, and
 * docs/man/iamkit.1 for the dispatcher, listing them all.
 * package.json#man lists them, so a global install makes `man iam-userdel` work.
 */

export const MAN_DIR = "docs/man";

/** Text as roff prints it literally: backslashes, dashes (so options copy as ASCII) and leading dots. */
function roff(text: string): string {
  return text
    .replace(/\\/g, "\\e")
    .replace(/-/g, "\\-")
    .replace(/^[.']/gm, "\\&$&");
}

/** Lines kept as typed (no filling), for the usage, option table and example. */
const verbatim = (lines: readonly string[]) => [".nf", ...lines.map(roff), ".fi"];

export function manPage(spec: CommandSpec<any, any>): string {
  const output = spec.output?.length ? spec.output : ["Nothing on success."];
  return [
    `.\\" ${GENERATED}`,
    `.TH ${spec.name.toUpperCase()} 1 "" iamkit "iamkit commands"`,
    ".nh",
    ".SH NAME",
    `${roff(spec.name)} \\- ${roff(spec.summary)}`,
    ".SH SYNOPSIS",
    ...verbatim([usageLine(spec.name)]),
    ".SH DESCRIPTION",
    roff(spec.summary),
    ...aliasNotes(spec).flatMap((note) => [".PP", roff(note)]),
    ".SH OPTIONS",
    ...verbatim(optionLines(spec)),
    ".SH OUTPUT",
    "On standard output:",
    ...output.flatMap((line) => [".IP \\(bu 2", roff(line)]),
    ".PP",
    roff(JSON_NOTE),
    ".SH EXIT STATUS",
    ...EXIT_CODES.flatMap(([code, meaning]) => [".TP", String(code), roff(meaning.replace(/`/g, ""))]),
    ...(spec.example ? [".SH EXAMPLE", ...verbatim(spec.example.split("\n"))] : []),
    ".SH IAM OPERATIONS",
    roff(spec.operations.join(", ")),
    "",
  ].join("\n");
}

/** `man iamkit`: the dispatcher's forms, every command with its summary, the exit codes. */
export function dispatcherManPage(specs: readonly CommandSpec<any, any>[]): string {
  return [
    `.\\" ${GENERATED}`,
    '.TH IAMKIT 1 "" iamkit "iamkit commands"',
    ".nh",
    ".SH NAME",
    `iamkit \\- ${roff("the legacy IAM command-line tools (iam-*, euare-*) on a modern AWS SDK")}`,
    ".SH SYNOPSIS",
    ...verbatim(DISPATCHER_FORMS.map(([form]) => form)),
    ".SH DESCRIPTION",
    roff(
      "Every command is installed as its own program (iam-usercreate, and euare-usercreate where euca2ools had it) with a " +
        "manual page of its own; iamkit runs any of them by name, with or without the iam- prefix.",
    ),
    ...DISPATCHER_FORMS.flatMap(([form, meaning]) => [".TP", roff(form), roff(meaning)]),
    ".SH COMMANDS",
    ...specs.flatMap((spec) => [".TP", `.B ${roff(spec.name)}`, roff(spec.summary)]),
    ".SH EXIT STATUS",
    ...EXIT_CODES.flatMap(([code, meaning]) => [".TP", String(code), roff(meaning.replace(/`/g, ""))]),
    ".SH SEE ALSO",
    roff("The page of each command above: man iam-userdel, man euare-userdel."),
    "",
  ].join("\n");
}

/** The euca2ools name's page: man's own include of the iam- page. */
export function manAlias(spec: CommandSpec<any, any>): string {
  return `.so man1/${spec.name}.1\n`;
}

/** Every page, by file name below MAN_DIR. */
export function manPages(specs: readonly CommandSpec<any, any>[]): Map<string, string> {
  return new Map([
    ["iamkit.1", dispatcherManPage(specs)] as const,
    ...specs.map((spec) => [`${spec.name}.1`, manPage(spec)] as const),
    ...specs.flatMap((spec) => {
      const euare = euareName(spec);
      return euare ? [[`${euare}.1`, manAlias(spec)] as const] : [];
    }),
  ]);
}

/** package.json#man: the pages, in the order manPages gives them. */
export function manList(specs: readonly CommandSpec<any, any>[]): string[] {
  return [...manPages(specs).keys()].map((file) => `${MAN_DIR}/${file}`);
}
