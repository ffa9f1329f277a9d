import type { CommandSpec, OptionSpec } from "./define.js";
import { commandOptions } from "./dry-run.js";
import { GLOBAL_OPTIONS } from "./global-options.js";

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

/** The option table of the help text, one line per option. */
export function optionLines(spec: CommandSpec<any, any>): string[] {
  const all = [...GLOBAL_OPTIONS, ...commandOptions(spec)].sort(helpOrder);
  const width = Math.max(...all.map((o) => optionSynopsis(o).length));
  return all.map((o) => {
    const notes = [o.required ? "required" : "", o.repeatable ? "repeatable" : ""].filter(Boolean).join(", ");
    const description = notes ? `${o.description} (${notes})` : o.description;
    return ` ${optionSynopsis(o).padEnd(width)} : ${description}`;
  });
}

/** Legacy layout: the one-sentence summary, the usage line, then the options. */
export function renderHelp(spec: CommandSpec<any, any>, prog: string = spec.name): string {
  return [spec.summary, `${prog} [options...] arguments...`, ...optionLines(spec)].join("\n") + "\n";
}
