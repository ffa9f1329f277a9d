import { resolve } from "node:path";
import type { IAM } from "@aws-sdk/client-iam";
import type { CommanderError } from "commander";
import type { CommandSpec, OptionSpec } from "../core/define.js";
import { DeadlineReached, EXIT, PartialFailure, UsageError, toFailure } from "../core/errors.js";
import { dryRunEffects, localContext, untilAborted, type Auth, type Context, type Io } from "../core/context.js";
import type { PlannedStep } from "../core/context.js";
import { commandOptions, planDocument, planLines } from "../core/dry-run.js";
import { predictRefusals } from "../iam/refusals.js";
import { optionLabel, renderHelp } from "./help.js";
import { versionText } from "./version.js";
import { GLOBAL_OPTIONS, type GlobalOptions } from "./global-options.js";
import { painterFor } from "../output/color.js";
import { oneLine, printable, printableJson, withoutLineBreaks } from "../output/escape.js";
import { OutputError, readerLeft, writerFor, type Write } from "../output/stdout.js";
import { hasTypographic, intendedValue } from "../core/plain-text.js";
import { stopYoungGenerationGrowth } from "./process-tuning.js";
import { cleanupBound } from "../core/cleanup.js";

/** Commander's flag syntax for one option: `-u, --user-name <USERNAME>`. */
function commanderFlags(option: OptionSpec): string {
  const names = option.short ? `-${option.short}, --${option.long}` : `--${option.long}`;
  return option.metavar ? `${names} <${option.metavar}>` : names;
}

/**
 * The checks of one value before the option's own parse: typographic quotes or dashes first (a
 * value pasted from a web page is the likelier mistake, and the message shows what was meant), then
 * `inChoices`, commander's choices check.
 */
function valueChecker(option: OptionSpec, inChoices: ((value: string, previous: unknown) => unknown) | undefined, warn: (message: string) => void) {
  return (text: string): unknown => {
    // A multi-line value is a document: its own check reports line and column instead of echoing it.
    if (!option.secret && !/[\r\n]/.test(text) && hasTypographic(text)) {
      const label = optionLabel(option);
      throw new UsageError(
        `${label} "${text}" contains typographic quotes or dashes (pasted from a web page?); did you mean ${label} '${intendedValue(text)}'?`,
      );
    }
    inChoices?.(text, undefined);
    return option.parse ? option.parse(text, warn) : text;
  };
}

/** Commander's own report of an unknown option (with its "Did you mean" suggestion); not in its typings. */
type ReportsUnknownOptions = { unknownOption(flag: string): never };

/**
 * Commander is loaded here, not at start-up: `-h` never needs it (about 10 ms). Commander checks
 * required options (makeOptionMandatory), choices and parses values (argParser, as it reads them);
 * `warn` collects what value parsers warn about.
 */
async function buildParser(spec: CommandSpec<any, any>, prog: string, warn: (message: string) => void) {
  const { Command, Option } = await import("commander");
  const options = [...GLOBAL_OPTIONS, ...commandOptions(spec)];
  const byFlags = new Map<string, OptionSpec>();
  const checkers = new Map<OptionSpec, (text: string) => unknown>();
  const positional = spec.options.find((o) => o.key === spec.positional);

  class LegacyParser extends Command {
    /**
     * Commander checks required options before it reports an unknown option or a stray argument,
     * and reads no bare argument into an option. The legacy tools report the unknown option and the
     * stray argument first (a mistyped `--user-nmae bob` is why -u is missing), and take the entity
     * name bare (`euare-userdel alice`): both happen here, between reading options and the required
     * check.
     */
    override parseOptions(argv: string[]) {
      const { operands, unknown } = super.parseOptions(argv);
      if (unknown.length > 0) (this as unknown as ReportsUnknownOptions).unknownOption(unknown[0]);
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
    if (option.required) commanderOption.makeOptionMandatory();
    if (option.choices) commanderOption.choices(option.choices);
    const check = valueChecker(option, commanderOption.parseArg, warn);
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
    byFlags.set(commanderOption.flags, option);
  }
  return { program, options, attributeOf, byFlags };
}

/**
 * Rewords commander's parse errors into one specific line: the legacy wording, which the tests hold
 * byte for byte, where commander's differs (required options, choices, a missing value). A
 * mistyped option's value is not repeated: it may be a password typed with the wrong flag.
 */
function usageFromCommander(err: CommanderError, prog: string, byFlags: Map<string, OptionSpec>): UsageError {
  // Commander: "required option '-u, --user-name <USERNAME>' not specified".
  const required = /^error: required option '(.*)' not specified$/.exec(err.message);
  if (required) {
    const option = byFlags.get(required[1])!;
    const shown = option.metavar ? `${optionLabel(option)} ${option.metavar}` : optionLabel(option);
    return new UsageError(`missing required option ${shown} (${option.description})`);
  }
  // Commander: "option '-s, --status <STATUS>' argument 'x' is invalid. Allowed choices are Active, Inactive."
  const notAChoice = /^error: option '(.*?)' argument '(.*)' is invalid\. Allowed choices are /s.exec(err.message);
  if (notAChoice) {
    const option = byFlags.get(notAChoice[1])!;
    return new UsageError(`invalid value "${notAChoice[2]}" for ${optionLabel(option)}: expected ${option.choices!.join(" or ")}`);
  }
  // Commander puts its "(Did you mean ...?)" hint on a line of its own: one line here.
  const message = err.message.replace(/^error: /, "").replace(/\n/g, " ").replace(/^(unknown option '[^'=]*)=[^']*'/, "$1=...'");
  const missing = /^option '(-\w|--[\w-]+).*<(\w+)>' argument missing$/.exec(message);
  if (missing) return new UsageError(`option ${missing[1]} needs a value (${missing[2]}); see ${prog} -h`);
  return new UsageError(`${message}; see ${prog} -h`);
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

/** A lazy list (a listing streamed page by page) inside a result. */
function isLazy(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as AsyncIterable<unknown> | undefined)?.[Symbol.asyncIterator] === "function";
}

/** For --json: the result as plain data, lazy lists drained, the SDK's `$metadata` and unset fields dropped. */
async function jsonReady(value: unknown): Promise<unknown> {
  if (isLazy(value)) {
    const items: unknown[] = [];
    for await (const item of value) items.push(await jsonReady(item));
    return items;
  }
  if (Array.isArray(value)) return Promise.all(value.map(jsonReady));
  if (value && typeof value === "object" && !(value instanceof Date) && !(value instanceof Uint8Array)) {
    const kept = Object.entries(value).filter(([key, v]) => key !== "$metadata" && v !== undefined);
    return Object.fromEntries(await Promise.all(kept.map(async ([key, v]) => [key, await jsonReady(v)] as const)));
  }
  return value;
}

/**
 * Writes text-mode output, control characters escaped; a streamed listing is written as its lines
 * arrive, each confirmed written before the next page is asked for.
 */
async function writeOutput(write: Write, lines: string[] | AsyncIterable<string>): Promise<void> {
  if (!isLazy(lines)) {
    if (lines.length > 0) await write(`${printable(lines.join("\n"))}\n`);
    return;
  }
  for await (const line of lines) await write(`${printable(line)}\n`);
}

/**
 * Parses argv into checked option values by key (what run() sees); throws UsageError. Warnings of
 * value parsers are returned, to be printed once the whole command line is known to be good.
 */
async function parseArguments(spec: CommandSpec<any, any>, argv: string[], prog: string) {
  const warnings: string[] = [];
  const { program, options, attributeOf, byFlags } = await buildParser(spec, prog, (message) => warnings.push(message));
  checkTokens(options, argv, prog);
  const aliases = new Map(spec.options.flatMap((o) => (o.aliases ?? []).map((a) => [a, `--${o.long}`] as const)));
  try {
    program.parse(
      argv.map((token) => aliases.get(token) ?? token),
      { from: "user" },
    );
  } catch (err) {
    if ((err as CommanderError).code?.startsWith("commander.")) throw usageFromCommander(err as CommanderError, prog, byFlags);
    throw err;
  }
  const values: Record<string, unknown> = {};
  for (const option of options) {
    const value = program.getOptionValue(attributeOf(option));
    if (value !== undefined) values[option.key] = value;
  }
  return { values, warnings };
}

/** stdout: the plan of a dry run, the JSON document, or the command's text lines. */
async function printResult(write: Write, spec: CommandSpec<any, any>, result: unknown, opts: unknown, json?: boolean, planned?: PlannedStep[]) {
  const writeJson = (value: unknown) => write(`${printableJson(JSON.stringify(value, null, 2))}\n`);
  // What the command would print describes changes that were not made: a plan replaces it.
  // A plan line per parameter: a line break in a value (the server's or a file's) must not forge a step.
  if (planned) return json ? writeJson(planDocument(planned)) : writeOutput(write, planLines(planned).map(withoutLineBreaks));
  if (json) return writeJson(await jsonReady(result ?? {}));
  return writeOutput(write, spec.render?.(result, opts) ?? []);
}

/**
 * Refuses every request started after SIGINT or SIGTERM (with the signal's Interrupted reason),
 * except the requests of iamkit's undo of its own half-made change (runCleanup). Requests in
 * flight are cut off by the request handler (src/aws/deadline-handler.ts).
 */
function stopWhenInterrupted<C extends Pick<IAM, "middlewareStack">>(client: C, signal: AbortSignal): C {
  client.middlewareStack.add(
    (next) => async (args) => {
      if (!cleanupBound()) signal.throwIfAborted();
      return next(args);
    },
    { step: "initialize", name: "iamkitStopWhenInterrupted" },
  );
  return client;
}

/** A signal that came once the last request was answered stopped nothing: the report says so. */
const DONE_BEFORE_SIGNAL = "the signal came after the last request was answered: everything asked for was done";

/** `> /dev/null` is a choice (euca2ools' guide discards a new key that way); a closed stdout is a mistake. */
const SECRET_LOST = "it was closed when the command started, so the new secret would be lost unread";

/**
 * What a failure to print means. A reader that left (EPIPE) chose to discard the rest: the run
 * ends quietly, and nothing is undone. Any other refusal (disk full, closed, I/O error) undoes
 * what only the output would have recorded (a new key's secret) and says so.
 */
async function outputFailure(err: OutputError, unprinted: (() => Promise<string[]>)[]): Promise<PartialFailure> {
  const undone: string[] = [];
  for (const undo of unprinted) undone.push(...(await undo()));
  return new PartialFailure(err, undone);
}

/**
 * Runs one command: parse, check, build the context, run, print. Returns the exit code; this is
 * the only place that turns failures into exit codes (through toFailure). `prog` is the name the
 * user typed (an `euare-` alias runs the `iam-` spec under its own name).
 */
export async function runCommand(spec: CommandSpec<any, any>, argv: string[], io: Io, prog: string = spec.name): Promise<number> {
  const paint = await painterFor(io.stderr, io.env);
  const write = writerFor(io.stdout);
  const unprinted: (() => Promise<string[]>)[] = [];
  const failures: unknown[] = [];
  let endpointUrl: string | undefined;
  try {
    // Help first, wherever -h stands, as IAMCli did: nothing else is parsed or checked.
    if (argv.some((token) => token === "-h" || token === "--help")) {
      await write(renderHelp(spec, prog));
      return EXIT.ok;
    }
    const version = await versionText(argv);
    if (version) {
      await write(version);
      return EXIT.ok;
    }
    const { values, warnings } = await parseArguments(spec, argv, prog);
    const globals = values as GlobalOptions;
    const stop = stopOnInterrupt(io);
    const local: Omit<Context, "iam" | "auth"> = {
      ...localContext(prog, io, Boolean(globals.debug), paint, stop.signal),
      undoUnlessPrinted: (undo) => {
        unprinted.push(undo);
      },
      failAfterPrinting: (failure) => {
        failures.push(failure);
      },
    };
    for (const message of warnings) local.warn(message);
    const { dryRun, ...opts } = Object.fromEntries(commandOptions(spec).filter((o) => o.key in values).map((o) => [o.key, values[o.key]]));
    const rule = spec.check?.(opts);
    if (rule) throw new UsageError(rule);

    const planned = dryRun ? ([] as PlannedStep[]) : undefined;
    // A command that calls no IAM action (a local check) needs no credentials or endpoint.
    // A command that lists may run long and allocate fast: its young generation is kept from growing
    // from the start. Others keep V8's defaults, which start faster (a flag change makes Node compile
    // the built-in modules it loads afterwards, tls and https among them, without their code cache).
    if (spec.operations.some((op) => op.startsWith("List"))) stopYoungGenerationGrowth();
    // Reading configuration may hang too (a named pipe, a stalled network file system).
    const connection = spec.operations.length > 0 ? await untilAborted(connect(globals, io, local, stop, planned), local.signal) : OFFLINE;
    endpointUrl = connection.endpointUrl;
    const { iam, auth } = connection === OFFLINE ? OFFLINE : interruptible(connection, local.signal);
    const ctx: Context = { ...local, iam, auth, ...(planned && dryRunEffects(io, planned)) };
    const result = await spec.run(ctx, opts);
    if (unprinted.length > 0 && io.stdout.closedAtStart?.()) throw new OutputError("EBADF", SECRET_LOST);
    // A dry run judges its plan by IAM's rules: a step IAM would refuse makes it exit as the refusal would.
    const refusals = planned ? await predictRefusals(planned, iam, local.debug) : [];
    await printResult(write, spec, result, opts, globals.json, planned);
    for (const line of refusals) io.stderr.write(`${paint(oneLine(`${prog}: ${line}`), "error")}\n`);
    if (failures.length > 0) throw failures[0];
    // Everything asked for was done and printed; the exit status still says the run was interrupted.
    if (io.interrupt?.aborted) throw new PartialFailure(io.interrupt.reason, [DONE_BEFORE_SIGNAL]);
    return refusals.length > 0 ? EXIT.service : EXIT.ok;
  } catch (err) {
    if (readerLeft(err)) return EXIT.ok;
    const failure = toFailure(err instanceof OutputError ? await outputFailure(err, unprinted) : err, prog, endpointUrl);
    for (const line of failure.lines) io.stderr.write(`${paint(oneLine(line), "error")}\n`);
    if (io.env.IAMKIT_TRACE && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
    return failure.code;
  }
}

/**
 * The context's signal: aborted by the first SIGINT or SIGTERM, and by the command's deadline
 * once connect() knows it.
 */
function stopOnInterrupt(io: Io): AbortController {
  const stop = new AbortController();
  const interrupt = io.interrupt;
  if (interrupt?.aborted) stop.abort(interrupt.reason);
  else interrupt?.addEventListener("abort", () => stop.abort(interrupt.reason), { once: true });
  return stop;
}

/** What an offline command gets instead of clients: using one is a bug in the command, said plainly. */
function unavailable<T extends object>(what: string): T {
  return new Proxy({} as T, {
    get: () => {
      throw new Error(`internal error: a command that lists no IAM operations used ${what}`);
    },
  });
}

const OFFLINE = { iam: unavailable<IAM>("the IAM client"), auth: unavailable<Auth>("STS"), endpointUrl: undefined };

/** The clients of a connection, each refusing requests once the run is interrupted. */
function interruptible({ iam, auth }: { iam: IAM; auth: Auth }, signal: AbortSignal): { iam: IAM; auth: Auth } {
  return {
    iam: stopWhenInterrupted(iam, signal),
    auth: { ...auth, sts: async (identity) => stopWhenInterrupted(await auth.sts(identity), signal) },
  };
}

/**
 * Resolves configuration, credentials, region, endpoint, proxy and CAs, then creates the IAM
 * client (and STS on demand). Everything that can be wrong locally fails here, before any request.
 */
async function connect(globals: GlobalOptions, io: Io, local: Omit<Context, "iam" | "auth">, stop: AbortController, planned?: PlannedStep[]) {
  const { loadClientConfig, resolveCredentials, createIamClient, createStsClient, resolveEndpoint, resolveStsEndpoint, readProfileSettings, resolveRegion, network } =
    await import("../aws/connection.js");
  const deadline = network.commandDeadline(globals.timeout, io.env);
  if (deadline) {
    const timer = setTimeout(() => stop.abort(new DeadlineReached(deadline.seconds, deadline.source)), deadline.at - Date.now());
    // A command done sooner does not wait for it.
    timer.unref();
  }
  const profile = await readProfileSettings(globals.profile, io.env, io.cwd);
  const endpoint = resolveEndpoint(globals.url, io.env, resolveRegion(globals.region, io.env, profile));
  const config = await loadClientConfig(globals.clientConfigFile ?? io.env.CLIENT_CONFIG_FILE, io.cwd, io.env);
  const caBundle = await network.loadCaBundle(io.env, profile, io.cwd);
  const credentials = await resolveCredentials({
    credentialFile: globals.awsCredentialFile,
    profile: globals.profile,
    env: io.env,
    cwd: io.cwd,
    warn: local.warn,
    debug: local.debug,
  });
  local.debug(`credentials: ${credentials.description}`);
  local.debug(`endpoint: ${network.redactUrl(endpoint.url)} (${endpoint.source}), signing region ${endpoint.signingRegion}`);
  const proxy = network.chooseProxy(endpoint.url, config, io.env);
  if (proxy) local.debug(`proxy: ${network.redactUrl(proxy.url)} (${proxy.source})`);
  if (caBundle) local.debug(`CA bundle: ${caBundle.file} (${caBundle.source})`);
  if (deadline) local.debug(`time limit: ${deadline.seconds} s (${deadline.source})`);
  // One line, the first time: enough to explain a pause without flooding a bulk run.
  const firstOnly = () => {
    let said = false;
    return (message: string) => {
      if (!said) io.stderr.write(`${oneLine(`${local.prog}: ${message}`)}\n`);
      said = true;
    };
  };
  const settings = {
    endpoint,
    credentials,
    config,
    env: io.env,
    caBundle,
    deadline,
    onRetry: firstOnly(),
    onSlow: firstOnly(),
    interrupt: io.interrupt,
    debug: globals.debug ? local.debug : undefined,
  };
  const iam = await createIamClient({ ...settings, planned });
  const legacyFile = globals.awsCredentialFile ?? io.env.AWS_CREDENTIAL_FILE;
  const auth: Auth = {
    legacyFile: legacyFile ? resolve(io.cwd, legacyFile) : undefined,
    profile: globals.profile,
    async sts(identity) {
      const stsEndpoint = resolveStsEndpoint(endpoint, io.env);
      local.debug(`STS endpoint: ${network.redactUrl(stsEndpoint.url)} (${stsEndpoint.source})`);
      const signer = identity ? { description: `access key ${identity.accessKeyId}`, credentials: identity } : credentials;
      return createStsClient({ ...settings, endpoint: stsEndpoint, credentials: signer });
    },
  };
  // Errors name the proxy too: when it is down or answers for the endpoint, it is the one to blame.
  const shown = network.redactUrl(endpoint.url);
  return { iam, auth, endpointUrl: proxy ? `${shown} via proxy ${network.redactUrl(proxy.url)}` : shown };
}
