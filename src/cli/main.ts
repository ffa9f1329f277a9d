import "./process-tuning.js";
import { EXIT, Interrupted } from "../core/errors.js";
import type { CommandSpec } from "../core/define.js";
import type { Io } from "../core/context.js";
import { runCommand } from "./run-command.js";
import { versionText } from "./version.js";
import { commandList, dispatcherUsage } from "../usage/help.js";
import { commandModulePath } from "../commands/module-paths.js";
import { oneLine } from "../output/escape.js";
import { processStdout } from "../output/stdout.js";

/** Set by a build that evaluated every command ahead of time (the single executable's snapshot). */
let preloaded: ReadonlyMap<string, CommandSpec<any, any>> | undefined;

/** Commands are then looked up in this table instead of imported one module at a time. */
export function usePreloadedCommands(commands: readonly CommandSpec<any, any>[]): void {
  preloaded = new Map(commands.map((spec) => [spec.name, spec]));
}

async function loadCommand(name: string): Promise<CommandSpec<any, any> | undefined> {
  if (preloaded) return preloaded.get(name);
  const path = commandModulePath(name);
  if (!path) return undefined;
  try {
    const url = new URL(`../commands/${path}.js`, import.meta.url).href;
    return (await import(url)).default;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND") return undefined;
    throw err;
  }
}

const SIGNALS = ["SIGINT", "SIGTERM"] as const;

/**
 * The first SIGINT or SIGTERM aborts the returned signal: the run sends no new request, lets the
 * ones in flight finish and reports. A second one ends the process at once.
 */
function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  const onSignal = (signal: (typeof SIGNALS)[number]) => {
    if (controller.signal.aborted) endBySignal(signal);
    else controller.abort(new Interrupted(signal));
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return controller.signal;
}

/**
 * Ends the process by the signal itself rather than by exit(130): a shell running a script then
 * stops the script too, as it would for any command killed by Ctrl-C (its status reads 130 or 143).
 */
function endBySignal(signal: (typeof SIGNALS)[number]): void {
  for (const name of SIGNALS) process.removeAllListeners(name);
  process.kill(process.pid, signal);
}

/** The Io of the process itself (processIo), whose run ends the process (runByName). */
const PROCESS_IOS = new WeakSet<Io>();

export function processIo(): Io {
  // A failed write is reported through its callback (src/output/stdout.ts); without a listener the
  // 'error' event would also end the process with a stack trace. A closed stderr loses diagnostics.
  for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {});
  const io: Io = {
    stdout: processStdout(),
    stderr: process.stderr,
    // process.stdin opens a stream on first access; only commands that read standard input need it.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
    interrupt: interruptSignal(),
  };
  PROCESS_IOS.add(io);
  return io;
}

/** Runs a command by its legacy name (or its euca2ools `euare-` name); what the bins, the dispatcher and the tests all call. */
export async function runByName(name: string, argv: string[], io: Io): Promise<number> {
  const euare = name.startsWith("euare-");
  const spec = await loadCommand(euare ? `iam-${name.slice(6)}` : name);
  if (!spec || (euare && !spec.euare)) return unknownCommand(name, io);
  const code = await runCommand(spec, argv, io, name);
  if (io.interrupt?.aborted) endBySignal((io.interrupt.reason as Interrupted).signal);
  // Its output is written (each write confirmed): what is still pending, a proxy that never answered
  // a CONNECT or a named pipe no one writes to, must not keep the process alive.
  if (PROCESS_IOS.has(io)) process.exit(code);
  return code;
}

/** The refusal of a name no command has, with the closest installed names when one is near. */
async function unknownCommand(name: string, io: Io): Promise<number> {
  const [{ COMMANDS }, { binNames }, { closestNames }] = await Promise.all([
    import("../commands/index.js"),
    import("../usage/bin-names.js"),
    import("./suggest.js"),
  ]);
  const near = closestNames(name, binNames(COMMANDS));
  const hint = near.length > 0 ? ` (did you mean ${near.join(" or ")}?)` : "";
  io.stderr.write(`iamkit: unknown command "${oneLine(name)}"${hint}; run iamkit --help for the list\n`);
  return EXIT.usage;
}

/**
 * The body of every generated bin shim (`iamkit` is the dispatcher). Its launcher sets
 * IAMKIT_SNAPSHOT_MISSING when it found no startup snapshot to start from: one is built meanwhile.
 */
export async function runBin(name: string): Promise<void> {
  const missing = process.env.IAMKIT_SNAPSHOT_MISSING;
  if (missing) {
    delete process.env.IAMKIT_SNAPSHOT_MISSING;
    // Asked for before the command runs: a quick one (--version) ends the process by process.exit,
    // which would drop a request still waiting for its module. Whatever becomes of it, this run
    // goes on as before.
    await import("./snapshot.js").then((snapshot) => snapshot.buildInBackground(missing), () => {});
  }
  const argv = process.argv.slice(2);
  process.exitCode = name === "iamkit" ? await runDispatcher(argv, processIo()) : await runByName(name, argv, processIo());
}

/** The command name `iamkit <name>` means: `iam-` may be left out, and dashes within the short name are dropped (`policy-lint`). */
function commandName(typed: string): string {
  return /^(iam|euare)-/.test(typed) ? typed : `iam-${typed.replace(/-/g, "")}`;
}

/**
 * `iamkit <name> [args]`, `iamkit help <name>`, `iamkit --list`, `iamkit --help` and `iamkit
 * completion bash|zsh`; bare `iamkit` prints its short usage on stderr. Only the listing forms load
 * the command table.
 */
export async function runDispatcher(argv: string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  const version = await versionText(argv);
  if (version) {
    io.stdout.write(version);
    return EXIT.ok;
  }
  if (first === "plan") {
    const { runPlan } = await import("./plan.js");
    return runPlan(rest, io);
  }
  if (!first) {
    io.stderr.write([...dispatcherUsage(), "run iamkit --help for the commands, or man iamkit"].join("\n") + "\n");
    return EXIT.usage;
  }
  if (first === "help" && rest.length > 0) return runByName(commandName(rest[0]), ["-h"], io);
  if (first === "-h" || first === "--help" || first === "help" || first === "--list" || first === "completion") {
    const { COMMANDS } = await import("../commands/index.js");
    if (first === "--list") {
      const { binNames } = await import("../usage/bin-names.js");
      io.stdout.write(binNames(COMMANDS).join("\n") + "\n");
      return EXIT.ok;
    }
    if (first === "completion") {
      const shell = rest[0];
      if (shell !== "bash" && shell !== "zsh") {
        io.stderr.write("iamkit: usage: iamkit completion bash|zsh\n");
        return EXIT.usage;
      }
      const { completionScript } = await import("../usage/completion.js");
      io.stdout.write(completionScript(shell, COMMANDS));
      return EXIT.ok;
    }
    io.stdout.write([...dispatcherUsage(), "", "commands:", ...commandList(COMMANDS)].join("\n") + "\n");
    return EXIT.ok;
  }
  return runByName(commandName(first), rest, io);
}
