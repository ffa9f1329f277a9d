import type { Context } from "./context.js";

/**
 * One command-line option, declared once and used for parsing, help, docs and completion.
 * Values arrive as strings; `parse` turns each one into the value `run` sees (and may throw a
 * UsageError with a specific message), so run() only ever sees checked input.
 */
export interface OptionSpec {
  /** Property name in the parsed options object (camelCase). */
  key: string;
  /** Legacy short letter, without the dash (`u` for `-u`). */
  short?: string;
  /** Long name without dashes (`user-name`): the euca2ools spelling, or ours where none existed. */
  long: string;
  /** Placeholder shown in help (`USERNAME`); absent for a bare flag. */
  metavar?: string;
  description: string;
  required?: boolean;
  /** May be given more than once; the parsed value is an array. */
  repeatable?: boolean;
  /** Checks and converts one raw value. */
  parse?: (raw: string, warn: (message: string) => void) => unknown;
  /**
   * Other whole-word spellings accepted on the command line for this option, such as euca2ools'
   * single-dash `-c1` (rewritten to the long form before parsing).
   */
  aliases?: readonly string[];
  /** The value is a secret (a password): never repeated in a message, not checked for typography. */
  secret?: boolean;
  /** Documented value set, checked before parse (`Active`, `Inactive`). */
  choices?: readonly string[];
}

/**
 * What a command prints in text mode, given what run() returned: the lines, or for a listing
 * streamed page by page, the lines as they arrive.
 */
export type Render<R, O> = (result: R, opts: O) => string[] | AsyncIterable<string>;

/** The declarative description of one legacy command plus its behaviour. */
export interface CommandSpec<O = Record<string, unknown>, R = unknown> {
  /** Legacy command name, also the bin name and the module file name. */
  name: `iam-${string}`;
  /** One sentence, shown first by -h. */
  summary: string;
  /** IAM API actions this command may call (documentation and review). */
  operations: readonly string[];
  options: readonly OptionSpec[];
  /**
   * Key of the option a bare argument may give instead, as euca2ools took the entity name
   * positionally (`euare-userdel alice`); `-u alice` keeps working.
   */
  positional?: string;
  /** euca2ools had this command: `euare-<name>` is installed as an alias. */
  euare?: boolean;
  /** Lines printed on success, for the generated docs (empty: prints nothing). */
  output?: readonly string[];
  /** An example invocation for the docs. */
  example?: string;
  /** Cross-option rules; a returned string becomes a usage error. */
  check?: (opts: O) => string | undefined;
  /** Does the work through the context; returns the result that --json prints. */
  run: (ctx: Context, opts: O) => Promise<R>;
  /** Text-mode lines for the result; commands that only change things print nothing. */
  render?: Render<R, O>;
}

/** Identity helper that gives command modules type inference for `run` and `render`. */
export function defineCommand<O, R = Record<string, never>>(spec: CommandSpec<O, R>): CommandSpec<O, R> {
  return spec;
}
