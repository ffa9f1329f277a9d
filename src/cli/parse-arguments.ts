import type { CommanderError } from "commander";
import type { CommandSpec, OptionSpec } from "../core/define.js";
import { UsageError } from "../core/errors.js";
import { commandOptions } from "../core/dry-run.js";
import { hasTypographic, intendedValue } from "../core/plain-text.js";
import { optionLabel } from "../usage/help.js";
import { globalOptions } from "../usage/global-options.js";
import { editDistance } from "./suggest.js";

/**
 * The command line of one command, read into checked option values: commander reads the options
 * (flags, values, `--x=value`), iamkit checks them and says what is wrong in its own words, in the
 * order the legacy tools did.
 */

/** Commander's flag syntax for one option: `-u, --user-name <USERNAME>`. */
function commanderFlags(option: OptionSpec): string {
  const names = option.short ? `-${option.short}, --${option.long}` : `--${option.long}`;
  return option.metavar ? `${names} <${option.metavar}>` : names;
}

/**
 * The checks of one value before the option's own parse: typographic quotes or dashes first (a
 * value pasted from a web page is the likelier mistake, and the message shows what was meant), then
 * the option's documented choices.
 */
function valueChecker(option: OptionSpec, warn: (message: string) => void) {
  return (text: string): unknown => {
    // A multi-line value is a document: its own check reports line and column instead of echoing it.
    if (!option.secret && !/[\r\n]/.test(text) && hasTypographic(text)) {
      const label = optionLabel(option);
      throw new UsageError(
        `${label} "${text}" contains typographic quotes or dashes (pasted from a web page?); did you mean ${label} '${intendedValue(text)}'?`,
      );
    }
    if (option.choices && !option.choices.includes(text)) {
      throw new UsageError(`invalid value "${text}" for ${optionLabel(option)}: expected ${option.choices.join(" or ")}`);
    }
    return option.parse ? option.parse(text, warn) : text;
  };
}

/**
 * Commander is loaded here, not at start-up: `-h` never needs it (about 10 ms). Commander reads the
 * options and parses their values (argParser, as it reads them); every message about them is
 * iamkit's own. `warn` collects what value parsers warn about.
 */
async function buildParser(spec: CommandSpec<any, any>, prog: string, warn: (message: string) => void) {
  const { Command, Option } = await import("commander");
  const options = [...globalOptions(prog), ...commandOptions(spec)];
  const checkers = new Map<OptionSpec, (text: string) => unknown>();
  const positional = spec.options.find((o) => o.key === spec.positional);

  class LegacyParser extends Command {
    /**
     * Commander reads no bare argument into an option. The legacy tools report an unknown option
     * and a stray argument before a missing required option (a mistyped `--user-nmae bob` is why
     * -u is missing), and take the entity name bare (`euare-userdel alice`): both happen here,
     * once the options are read (parseArguments checks the required ones after).
     */
    override parseOptions(argv: string[]) {
      const { operands, unknown } = super.parseOptions(argv);
      if (unknown.length > 0) throw unknownOption(unknown[0], options, prog);
      const [bare, ...stray] = operands;
      if (stray.length > 0 || (bare !== undefined && !positional)) {
        throw new UsageError(`unexpected argument; every value belongs to an option (quote values with spaces); see ${prog} -h`);
      }
      if (bare !== undefined && positional) {
        const name = attributeOf(positional);
        if (this.getOptionValue(name) !== undefined) {
          // Either the name twice, or a value meant for a flag that takes none: say both, echo neither.
          throw new UsageError(
            `unexpected argument: ${optionLabel(positional)} is already given, and no other option takes a bare value (quote values with spaces)`,
          );
        }
        const value = checkers.get(positional)!(bare);
        this.setOptionValueWithSource(name, positional.repeatable ? [value] : value, "cli");
      }
      return { operands: [], unknown: [] };
    }
  }

  const program = new LegacyParser(spec.name)
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} })
    .helpOption(false);
  const attributes = new Map<OptionSpec, string>();
  const attributeOf = (option: OptionSpec) => attributes.get(option)!;
  for (const option of options) {
    const commanderOption = new Option(commanderFlags(option), option.description);
    const check = valueChecker(option, warn);
    checkers.set(option, check);
    if (option.repeatable) commanderOption.argParser((value: string, previous: unknown[] = []) => [...previous, check(value)]);
    else if (option.metavar) {
      // Commander keeps the last of two values: `iam-userdel -u keep -u victim` would delete "victim".
      commanderOption.argParser((value: string, previous?: unknown) => {
        if (previous !== undefined) throw new UsageError(`option ${optionLabel(option)} is given more than once; see ${prog} -h`);
        return check(value);
      });
    }
    program.addOption(commanderOption);
    attributes.set(option, commanderOption.attributeName());
  }
  return { program, options, attributeOf };
}

/**
 * An unknown option, its value not repeated (it may be a password typed with the wrong flag), with
 * the closest long names when one is near: a letter or two mistyped, swapped or missing.
 */
function unknownOption(token: string, options: readonly OptionSpec[], prog: string): UsageError {
  const shown = token.replace(/^(--[^=]*)=.*$/, "$1=...");
  const near = token.startsWith("--") ? closestNames(token.slice(2), options.map((o) => o.long)) : [];
  const hint = near.length === 0 ? "" : ` (Did you mean ${near.length > 1 ? "one of " : ""}${near.map((n) => `--${n}`).join(", ")}?)`;
  return new UsageError(`unknown option '${shown}'${hint}; see ${prog} -h`);
}

/** The names fewest edits away from `typed`: fewer than three, and changing less than 60% of it. */
function closestNames(typed: string, names: readonly string[]): string[] {
  let best = 3;
  let closest: string[] = [];
  for (const name of new Set(names)) {
    if (name.length <= 1) continue;
    const edits = editDistance(typed, name);
    if ((Math.max(typed.length, name.length) - edits) / Math.max(typed.length, name.length) <= 0.4 || edits > best) continue;
    closest = edits < best ? [name] : [...closest, name];
    best = edits;
  }
  return closest.sort((a, b) => a.localeCompare(b));
}

/** The option `last` names (`-u`, `--user-name`, or the last letter of `-ru`), which needs a value it was not given. */
function valueMissing(options: readonly OptionSpec[], last: string, prog: string): UsageError {
  const option = options.find((o) => last === `--${o.long}` || (o.short !== undefined && last.endsWith(o.short) && /^-\w+$/.test(last)))!;
  return new UsageError(`option ${option.short ? `-${option.short}` : `--${option.long}`} needs a value (${option.metavar}); see ${prog} -h`);
}

/** The first required option the command line left out, as its usage line names it. */
function missingRequired(options: readonly OptionSpec[], values: Record<string, unknown>): UsageError | undefined {
  const option = options.find((o) => o.required && values[o.key] === undefined);
  if (!option) return undefined;
  const shown = option.metavar ? `${optionLabel(option)} ${option.metavar}` : optionLabel(option);
  return new UsageError(`missing required option ${shown} (${option.description})`);
}

/**
 * What commander would misread, found before it parses: an option followed by another option
 * (taken as its value, so `-u -r` names a user "-r"; `--user-name=-r` still can), a value given to
 * a flag that takes none, and a flag typed with a typographic dash (otherwise a stray argument).
 * An option's own value is skipped: it may be a password.
 */
function checkTokens(options: readonly OptionSpec[], argv: string[], prog: string): void {
  const byFlag = new Map<string, OptionSpec>();
  for (const option of options) {
    if (option.short) byFlag.set(`-${option.short}`, option);
    byFlag.set(`--${option.long}`, option);
    for (const alias of option.aliases ?? []) byFlag.set(alias, option);
  }
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === "--") return;
    const option = byFlag.get(token);
    if (option?.metavar) {
      if (argv[i + 1] !== undefined && byFlag.has(argv[i + 1])) {
        throw new UsageError(`option ${optionLabel(option)} needs a value (${option.metavar}); see ${prog} -h`);
      }
      i++;
      continue;
    }
    const flag = /^(--[\w-]+)=/.exec(token)?.[1];
    if (flag && byFlag.has(flag) && !byFlag.get(flag)!.metavar) throw new UsageError(`option ${flag} takes no value; see ${prog} -h`);
    if (/^[\u2013\u2014]/.test(token)) {
      const name = token.replace(/^[-\u2013\u2014]+/, "");
      throw new UsageError(
        `"${token}" begins with a typographic dash (pasted from a web page?); did you mean ${name.length === 1 ? "-" : "--"}${name}?`,
      );
    }
  }
}

/**
 * Parses argv into checked option values by key (what run() sees); throws UsageError. Warnings of
 * value parsers are returned, to be printed once the whole command line is known to be good.
 */
export async function parseArguments(spec: CommandSpec<any, any>, argv: string[], prog: string) {
  const warnings: string[] = [];
  const { program, options, attributeOf } = await buildParser(spec, prog, (message) => warnings.push(message));
  checkTokens(options, argv, prog);
  const aliases = new Map(spec.options.flatMap((o) => (o.aliases ?? []).map((a) => [a, `--${o.long}`] as const)));
  const tokens = argv.map((token) => aliases.get(token) ?? token);
  try {
    program.parse(tokens, { from: "user" });
  } catch (err) {
    // The one error commander reports itself: an option that takes a value ends the command line.
    if ((err as CommanderError).code === "commander.optionMissingArgument") throw valueMissing(options, tokens.at(-1)!, prog);
    throw err;
  }
  const values: Record<string, unknown> = {};
  for (const option of options) {
    const value = program.getOptionValue(attributeOf(option));
    if (value !== undefined) values[option.key] = value;
  }
  const missing = missingRequired(options, values);
  if (missing) throw missing;
  return { values, warnings };
}
