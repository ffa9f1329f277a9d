import type { CommandSpec, OptionSpec } from "../core/define.js";
import { commandOptions } from "../core/dry-run.js";
import { globalOptions } from "./global-options.js";

/** How an option is named in messages: `-u` where a legacy letter exists, else `--long`. */
export function optionLabel(option: OptionSpec): string {
  return option.short ? `-${option.short}` : option.aliases?.[0] ?? `--${option.long}`;
}

/** `-u (--user-name) USERNAME`: the args4j layout IAMCli printed, with euca2ools' long names. */
function optionSynopsis(option: OptionSpec): string {
  const first = option.short ? `-${option.short}` : option.aliases?.[0];
  const names = first ? `${first} (--${option.long})` : `--${option.long}`;
  return option.metavar ? `${names} ${option.metavar}` : names;
}

/** Long-only options first, then by letter, as IAMCli's help listed them. */
function helpOrder(a: OptionSpec, b: OptionSpec): number {
  if (!a.short !== !b.short) return a.short ? 1 : -1;
  const ka = a.short ?? a.long;
  const kb = b.short ?? b.long;
  // Code-unit comparison of ASCII names: localeCompare would first build ICU's collator (~7 ms per -h).
  const la = ka.toLowerCase();
  const lb = kb.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return ka === kb ? 0 : ka > kb ? -1 : 1; // same letters: lower case first
}

/** The option table of the help text, one line per option, for the command run as `prog`. */
export function optionLines(spec: CommandSpec<any, any>, prog: string = spec.name): string[] {
  const all = [...globalOptions(prog), ...commandOptions(spec)].sort(helpOrder);
  const width = Math.max(...all.map((o) => optionSynopsis(o).length));
  return all.map((o) => {
    const notes = [o.required ? "required" : "", o.repeatable ? "repeatable" : ""].filter(Boolean).join(", ");
    const description = notes ? `${o.description} (${notes})` : o.description;
    return ` ${optionSynopsis(o).padEnd(width)} : ${description}`;
  });
}

/** IAMCli's usage line (args4j's layout), the same in -h, the docs pages and the man pages. */
export function usageLine(prog: string): string {
  return `${prog} [options...] arguments...`;
}

/** For a command that takes its entity name positionally, as euca2ools did, the sentence saying so. */
export function bareArgumentNote(spec: CommandSpec<any, any>, prog: string): string | undefined {
  const option = spec.positional ? spec.options.find((o) => o.key === spec.positional) : undefined;
  return option && `The ${optionLabel(option)} value may also be given as a bare argument, as euca2ools took it: ${prog} ${option.metavar}.`;
}

/**
 * Legacy layout: the one-sentence summary, the usage line, then the options. Under an `euare-`
 * name, whose users typed the entity name bare, a last line says that form works too.
 */
export function renderHelp(spec: CommandSpec<any, any>, prog: string = spec.name): string {
  const bare = prog.startsWith("euare-") ? bareArgumentNote(spec, prog) : undefined;
  return [spec.summary, usageLine(prog), ...optionLines(spec, prog), ...(bare ? [bare] : [])].join("\n") + "\n";
}

/** The dispatcher's forms and what each does: `iamkit --help`, its short usage and `man iamkit`. */
export const DISPATCHER_FORMS: readonly (readonly [form: string, meaning: string])[] = [
  ["iamkit <command> [options...]", "run a command (or run iam-<command> directly)"],
  ["iamkit help <command>", "a command's options, as iamkit <command> -h prints them"],
  ["iamkit plan SCRIPT [ARGS...]", "run a runbook with every iam-*/euare-* step planned, nothing changed"],
  ["iamkit --list", "every installed command name, euare- aliases included"],
  ["iamkit completion bash|zsh", "a shell completion script"],
  ["iamkit --version [-d]", "the installed version (-d: also Node's and the AWS SDK's)"],
];

/** The forms, one per line, `usage:` before the first. */
export function dispatcherUsage(): string[] {
  const width = Math.max(...DISPATCHER_FORMS.map(([form]) => form.length));
  return DISPATCHER_FORMS.map(([form, meaning], i) => `${i === 0 ? "usage: " : "       "}${form.padEnd(width)}   ${meaning}`);
}

/** One line per command: its name, then its summary. */
export function commandList(specs: readonly CommandSpec<any, any>[]): string[] {
  const width = Math.max(...specs.map((c) => c.name.length));
  return specs.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
}
