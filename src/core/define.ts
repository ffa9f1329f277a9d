import type { Context } from "./context.js";
import type { Operation } from "./operations.js";

/**
 * One command-line option, declared once and used for parsing, help, docs and completion.
 * Values arrive as strings; `parse` turns each one into the value `run` sees (and may throw a
 * UsageError with a specific message), so run() only ever sees checked input.
 */
export interface OptionSpec<Key extends string = string> {
  /** Property name in the parsed options object (camelCase). */
  key: Key;
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
 * An option spec as written, its key, `required`, `repeatable` and value type kept exactly, so that
 * the options object of a command can be inferred from it.
 */
export function option<const S extends OptionSpec>(spec: S): S {
  return spec;
}

/** Options that come together (a policy document's -f, -o and checks), each kept as option() keeps it. */
export function optionGroup<const L extends readonly OptionSpec[]>(specs: L): L {
  return specs;
}

/**
 * What a command prints in text mode, given what run() returned: the lines, or for a listing
 * streamed page by page, the lines as they arrive.
 */
export type Render<R, O> = (result: R, opts: O) => string[] | AsyncIterable<string>;

/**
 * The value run() sees for one option, read from its spec: what `parse` returns, else one of its
 * `choices`, else the text (an option with a metavar) or true (a bare flag); a list when repeatable.
 */
type OptionValue<S> = S extends { repeatable: true } ? SingleValue<S>[] : SingleValue<S>;
type SingleValue<S> = S extends { parse: (...args: never[]) => infer V }
  ? V
  : S extends { choices: readonly (infer C)[] }
    ? C
    : S extends { metavar: string }
      ? string
      : boolean;

/**
 * The options object run() and check() receive, inferred from the option specs: a required
 * option's key is always there, any other may be absent. Renaming a spec's key renames it here.
 */
export type OptionsOf<L extends readonly OptionSpec[]> = {
  [S in L[number] as S extends { required: true } ? S["key"] : never]: OptionValue<S>;
} & {
  [S in L[number] as S extends { required: true } ? never : S["key"]]?: OptionValue<S>;
};

/** The declarative description of one legacy command plus its behaviour. */
export interface CommandSpec<O = Record<string, unknown>, R = unknown, Op extends string = Operation> {
  /** Legacy command name, also the bin name and the module file name. */
  name: `iam-${string}`;
  /** One sentence, shown first by -h. */
  summary: string;
  /**
   * IAM API actions this command may call. The context's clients offer only these, so a call to
   * another does not compile; a command with one that changes something is offered --dry-run.
   */
  operations: readonly Op[];
  options: readonly OptionSpec[];
  /**
   * Key of the option a bare argument may give instead, as euca2ools took the entity name
   * positionally (`euare-userdel alice`); `-u alice` keeps working.
   */
  positional?: keyof O & string;
  /** euca2ools had this command: `euare-<name>` is installed as an alias. */
  euare?: boolean;
  /** Lines printed on success, for the generated docs (empty: prints nothing). */
  output?: readonly string[];
  /** An example invocation for the docs. */
  example?: string;
  /** Cross-option rules; a returned string becomes a usage error. */
  check?: (opts: O) => string | undefined;
  /** Does the work through the context; returns the result that --json prints. */
  run: (ctx: Context<Op>, opts: O) => Promise<R>;
  /** Text-mode lines for the result; commands that only change things print nothing. */
  render?: Render<R, O>;
}

/** What a command module declares: the options object is inferred from `options`, the client from `operations`. */
type Declared<L extends readonly OptionSpec[], Op extends Operation, R> = Omit<CommandSpec<OptionsOf<L>, R, Op>, "options"> & { options: L };

/**
 * Declares a command. Its options object and its result are inferred, so `run`, `check` and
 * `render` are typed by the specs they sit beside, and `run`'s context reaches only the declared
 * operations.
 */
export function defineCommand<const L extends readonly OptionSpec[], const Op extends Operation, R = Record<string, never>>(
  spec: Declared<L, Op, R>,
): CommandSpec<OptionsOf<L>, R, Op> {
  return spec;
}
