import { resolve } from "node:path";
import type { IAM } from "@aws-sdk/client-iam";
import type { CommandSpec } from "../core/define.js";
import { DeadlineReached, EXIT, PartialFailure, UsageError, toFailure } from "../core/errors.js";
import { dryRunEffects, localContext, untilAborted, type Auth, type Context, type Io } from "../core/context.js";
import type { PlannedStep } from "../core/context.js";
import { commandOptions, planDocument, planLines } from "../core/dry-run.js";
import type { Operation } from "../core/operations.js";
import { PLAN_SOCKET, shownCommandLine } from "../core/plan-mode.js";
import { predictRefusals } from "../iam/refusals.js";
import { optionLabel, renderHelp } from "../usage/help.js";
import { versionText } from "./version.js";
import type { GlobalOptions } from "../usage/global-options.js";
import { painterFor } from "../output/color.js";
import { oneLine, printable, printableJson, withoutLineBreaks } from "../output/escape.js";
import { OutputError, readerLeft, writerFor, type Write } from "../output/stdout.js";
import { asPrintedBy } from "../output/print.js";
import { stopYoungGenerationGrowth } from "./process-tuning.js";
import { parseArguments } from "./parse-arguments.js";
import { explainDeleteConflicts, nameSigningKey } from "./failure-context.js";
import { cleanupBound } from "../core/cleanup.js";

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

/** stdout: the plan of a dry run, the JSON document, or the command's text lines. */
async function printResult(write: Write, spec: CommandSpec<any, any>, prog: string, result: unknown, opts: unknown, json?: boolean, planned?: PlannedStep[]) {
  const writeJson = (value: unknown) => write(`${printableJson(JSON.stringify(value, null, 2))}\n`);
  // What the command would print describes changes that were not made: a plan replaces it.
  // A plan line per parameter: a line break in a value (the server's or a file's) must not forge a step.
  if (planned) return json ? writeJson(planDocument(planned)) : writeOutput(write, planLines(planned).map(withoutLineBreaks));
  if (json) return writeJson(await jsonReady(result ?? {}));
  return writeOutput(write, asPrintedBy(prog, spec.render?.(result, opts) ?? []));
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
 * user typed (an `euare-` alias runs the `iam-` spec under its own name). Inside `iamkit plan`
 * the command is a step of the plan: its IAM requests go through the plan service, its local
 * changes are planned, and it reports how it ended.
 */
export async function runCommand(spec: CommandSpec<any, any>, argv: string[], io: Io, prog: string = spec.name): Promise<number> {
  const socket = io.env[PLAN_SOCKET];
  if (!socket) return runStep(spec, argv, io, prog);
  const changes: PlannedStep[] = [];
  const code = await runStep(spec, argv, io, prog, { socket, changes });
  const { reportStep } = await import("../aws/plan-link.js");
  try {
    await reportStep(socket, { commandLine: shownCommandLine(spec, prog, argv), code, changes });
  } catch (err) {
    io.stderr.write(`${prog}: ${oneLine((err as Error).message)}\n`);
  }
  return code;
}

/** A step of a plan: the plan service's socket, and the step's changes (IAM's and local ones), in order. */
interface PlanLink {
  socket: string;
  changes: PlannedStep[];
}

async function runStep(spec: CommandSpec<any, any>, argv: string[], io: Io, prog: string, plan?: PlanLink): Promise<number> {
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
    // Without -r, a refused delete says everything that remains (with -r, iamkit removed what it knows of).
    const recursive = opts.recursive ? undefined : commandOptions(spec).find((o) => o.key === "recursive");
    const connection = spec.operations.length > 0 ? await untilAborted(connect(globals, io, local, stop, planned, plan, recursive && optionLabel(recursive)), local.signal) : OFFLINE;
    endpointUrl = connection.endpointUrl;
    const { iam, auth } = connection === OFFLINE ? OFFLINE : interruptible(connection, local.signal);
    const held = planned ?? plan?.changes;
    const ctx: Context<Operation> = { ...local, iam, auth, ...(held && dryRunEffects(io, held)) };
    const result = await spec.run(ctx, opts);
    if (unprinted.length > 0 && io.stdout.closedAtStart?.()) throw new OutputError("EBADF", SECRET_LOST);
    // A dry run judges its plan by IAM's rules: a step IAM would refuse makes it exit as the refusal would.
    const refusals = planned ? await predictRefusals(planned, iam, local.debug) : [];
    await printResult(write, spec, prog, result, opts, globals.json, planned);
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
export async function connect(
  globals: GlobalOptions,
  io: Io,
  local: Omit<Context, "iam" | "auth">,
  stop: AbortController,
  planned?: PlannedStep[],
  plan?: PlanLink,
  recursiveFlag?: string,
) {
  const { loadClientConfig, resolveCredentials, createIamClient, createStsClient, resolveEndpoint, resolveStsEndpoint, readProfileSettings, resolveRegion, network, lazyRecord, propagationBudget } =
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
    commandLine: { accessKeyId: globals.signingKeyId, secretAccessKey: globals.signingSecretKey, sessionToken: globals.signingSessionToken },
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
  // A planned step creates nothing, so it has nothing to wait for or to record.
  const budgetMs = plan ? 0 : propagationBudget(globals.propagationTimeout, io.env);
  const propagation = {
    budgetMs,
    announce: (message: string) => io.stderr.write(`${local.prog}: ${message}\n`),
    record: lazyRecord(async () => (await import("../iam/recent-creates.js")).recentCreates(io.env, endpoint.url, credentials.credentials, budgetMs, local.debug)),
  };
  const iam = nameSigningKey(await createIamClient({ ...settings, planned, plan, propagation }), credentials);
  if (recursiveFlag) explainDeleteConflicts(iam, local.debug, recursiveFlag);
  const legacyFile = globals.awsCredentialFile ?? io.env.AWS_CREDENTIAL_FILE;
  const auth: Auth = {
    legacyFile: legacyFile ? resolve(io.cwd, legacyFile) : undefined,
    profile: globals.profile,
    async sts(identity) {
      const stsEndpoint = resolveStsEndpoint(endpoint, io.env);
      local.debug(`STS endpoint: ${network.redactUrl(stsEndpoint.url)} (${stsEndpoint.source})`);
      const signer = identity ? { description: `access key ${identity.accessKeyId}`, credentials: identity } : credentials;
      return nameSigningKey(await createStsClient({ ...settings, endpoint: stsEndpoint, credentials: signer }), signer);
    },
  };
  // Errors name the proxy too: when it is down or answers for the endpoint, it is the one to blame.
  const shown = network.redactUrl(endpoint.url);
  return { iam, auth, endpointUrl: proxy ? `${shown} via proxy ${network.redactUrl(proxy.url)}` : shown };
}
