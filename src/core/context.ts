import { constants as fsConstants } from "node:fs";
import { open, readFile, rm, stat, type FileHandle } from "node:fs/promises";
import { devNull } from "node:os";
import { resolve } from "node:path";
import type { STS } from "@aws-sdk/client-sts";
import type { AwsCredentialIdentity } from "@aws-sdk/types";
import type { Paint } from "../output/color.js";
import { oneLine } from "../output/escape.js";
import type { OutputStream } from "../output/stdout.js";
import { DeadlineReached, UsageError } from "./errors.js";
import type { IamClient, StsClient } from "./operations.js";

/** One change a dry run held back: an IAM action with its parameters, or a local file step. */
export interface PlannedStep {
  Action: string;
  Input: Record<string, unknown>;
}

/** The process-level streams and environment a command runs with; tests pass their own. */
export interface Io {
  stdout: OutputStream;
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Aborted (with an Interrupted reason) by the first SIGINT or SIGTERM; absent where no signal can come. */
  interrupt?: AbortSignal;
}

/**
 * Where this run's credentials come from, and STS beside IAM: for commands that hand out or rotate
 * keys. A command's context offers the STS client with only its declared `sts:` operations.
 */
export interface Auth<Client = STS> {
  /** The legacy credential file signing this run (--aws-credential-file or AWS_CREDENTIAL_FILE), absolute. */
  legacyFile?: string;
  /** --profile, when given. */
  profile?: string;
  /** STS with IAM's region, HTTP settings and -d log, signing with `credentials`, else with this run's own. */
  sts(credentials?: AwsCredentialIdentity): Promise<Client>;
}

/**
 * Everything with side effects that a command may use. Commands touch nothing else. The clients
 * offer only the operations in `Op` (the command's declared operations; none by default), so code
 * that calls an action must say so in its type, and the command that uses it must declare it.
 */
export interface Context<Op extends string = never> {
  /** The legacy command name, used as the prefix of diagnostics. */
  prog: string;
  /** The IAM client, with endpoint, region and credentials already resolved. */
  iam: IamClient<Op>;
  auth: Auth<StsClient<Op>>;
  env: NodeJS.ProcessEnv;
  /** The directory relative paths on the command line are resolved against. */
  cwd: string;
  /** A diagnostic line on stderr: `<prog>: warning: <message>`. */
  warn(message: string): void;
  /** What a command did beside its result (the files it wrote), on stderr: `<prog>: <message>`. */
  note(message: string): void;
  /** A `-d` line on stderr; a no-op without -d. Never pass secrets. */
  debug(message: string): void;
  /** Reads a UTF-8 text file named on the command line (`-` is stdin); errors name the file. */
  readText(path: string, what: string): Promise<string>;
  /** Creates a file that must not exist yet, with the given mode; fails rather than overwrite. */
  createNewFile(path: string, mode: number, what: string): Promise<FileHandle>;
  /** Removes a file this run created (for clean-up after a failure); a missing file is not an error. */
  removeFile(path: string): Promise<void>;
  /** Reads a secret from the terminal without echo; undefined when stdin is not a terminal. */
  promptSecret(question: string): Promise<string | undefined>;
  /**
   * Aborted by SIGINT or SIGTERM (its reason is an Interrupted error), or once the command's
   * deadline passes (DeadlineReached). The IAM and STS clients refuse every request started after
   * it but a cleanup's (src/core/cleanup.ts); every local wait (reading a file or standard input,
   * generating a key, another run's file lock) stops on it too.
   */
  signal: AbortSignal;
  /**
   * Registers how to undo a change whose only record is the result about to be printed (a new
   * key's secret): run when standard output refuses the result, not when a reader left early.
   * `undo` returns the lines that report what it did.
   */
  undoUnlessPrinted(undo: () => Promise<string[]>): void;
  /**
   * Makes the run fail with `failure` once its result is printed: for a result the user must get
   * although the command failed (a new key that could not be deleted, whose secret is nowhere else).
   */
  failAfterPrinting(failure: unknown): void;
  /**
   * A change outside IAM that needs no file of its own (a credential file written, a new key tried
   * with STS): made now and its result returned. Under --dry-run it is not made: `step`, when
   * given, goes into the plan, and the result is undefined, as a held-back IAM change answers
   * nothing; `check`, when given, still runs, and refuses what `make` would refuse. So no command
   * needs a dry-run branch of its own.
   */
  change<T>(make: () => Promise<T>, step?: PlannedStep, check?: () => Promise<unknown>): Promise<T | undefined>;
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Decodes strictly so that a Latin-1 or binary file is reported rather than silently mangled. */
function decodeUtf8(bytes: Buffer, name: string, what: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${what} ${name} is not valid UTF-8 text`);
  }
}

/** Why a file could not be read, or (`creating`) created: the words differ for the same errno. */
function fileErrorReason(err: unknown, creating = false): string {
  switch ((err as NodeJS.ErrnoException).code) {
    case "ENOENT":
      return creating ? "cannot be created: its directory does not exist" : "does not exist";
    case "EACCES":
    case "EPERM":
      return creating ? "cannot be created (permission denied in its directory)" : "is not readable (permission denied)";
    case "EROFS":
      return "cannot be created: the file system is read-only";
    case "ENOSPC":
      return "cannot be created: no space left on the device";
    case "ENOTDIR":
      return creating ? "cannot be created: a part of its path is not a directory" : "does not exist (a part of its path is not a directory)";
    case "EISDIR":
      return "is a directory";
    case "EEXIST":
      return "already exists (iamkit never overwrites it; remove it or choose another name)";
    default:
      return `cannot be used (${(err as NodeJS.ErrnoException).code ?? String(err)})`;
  }
}

/**
 * What --dry-run changes in the context. Files are planned instead of created (a file that is
 * already there is still refused, as the real run would refuse it) and nothing is removed; the
 * handle returned writes to the null device, so a command runs the same code either way. Other
 * local changes are planned, not made; and nothing was created that an unprinted result could lose.
 */
export function dryRunEffects(
  io: Io,
  planned: PlannedStep[],
): Pick<Context, "createNewFile" | "removeFile" | "change" | "undoUnlessPrinted" | "note"> {
  return {
    // Nothing was done: the plan says what would be.
    note() {},
    async change(_make, step, check) {
      await check?.();
      if (step) planned.push(step);
      return undefined;
    },
    undoUnlessPrinted() {},
    async createNewFile(path, mode, what) {
      try {
        await stat(resolve(io.cwd, path));
      } catch {
        planned.push({ Action: `create ${what}`, Input: { Path: path, Mode: `0${mode.toString(8)}` } });
        return open(devNull, "w");
      }
      throw new UsageError(`${what} ${path} ${fileErrorReason({ code: "EEXIST" })}`);
    },
    async removeFile() {},
  };
}

/** Rejects with the signal's reason once it is aborted: raced against a wait that cannot be cancelled. */
export function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

/** A signal that never aborts, for runs no SIGINT can reach (tests calling runByName). */
const NEVER = new AbortController().signal;

type LocalContext = Omit<Context, "iam" | "auth" | "undoUnlessPrinted" | "failAfterPrinting">;

/** `work`, or the reason of `signal` as soon as it aborts: for waits that cannot be cancelled (a file open). */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolvePromise, reject) => {
    const stop = () => reject(signal.reason);
    signal.addEventListener("abort", stop, { once: true });
    // Removed once the work is over: a command reading many files adds no listener for each.
    work.then(resolvePromise, reject).finally(() => signal.removeEventListener("abort", stop));
  });
}

/**
 * Builds the file, terminal and diagnostic half of the context; the clients are added by the
 * caller. `stop` becomes the context's signal (default: the interrupt alone).
 */
export function localContext(prog: string, io: Io, debugEnabled: boolean, paint: Paint, stop?: AbortSignal): LocalContext {
  // Messages quote file names and server text: escaped, so they cannot drive the terminal.
  const line = (text: string) => io.stderr.write(`${text}\n`);
  const signal = stop ?? io.interrupt ?? NEVER;
  return {
    prog,
    env: io.env,
    cwd: io.cwd,
    signal,
    warn: (message) => line(paint(oneLine(`${prog}: warning: ${message}`), "warning")),
    note: (message) => line(oneLine(`${prog}: ${message}`)),
    debug: debugEnabled ? (message) => line(oneLine(`${prog}: debug: ${message}`)) : () => {},
    async readText(path, what) {
      if (path === "-") return decodeUtf8(await untilAborted(readStream(io.stdin), signal), "(standard input)", what);
      const full = resolve(io.cwd, path);
      try {
        if ((await stat(full)).isDirectory()) throw Object.assign(new Error(), { code: "EISDIR" });
        // A named pipe (`-f <(command)`) may be slow to open and to fill.
        return decodeUtf8(await untilAborted(readFile(full), signal), path, what);
      } catch (err) {
        if (err instanceof DeadlineReached) throw new UsageError(`${what} ${path} was not read to its end within ${err.source} ${err.seconds} s`);
        if (err instanceof UsageError || err === signal.reason) throw err;
        throw new UsageError(`${what} ${path} ${fileErrorReason(err)}`);
      }
    },
    async createNewFile(path, mode, what) {
      try {
        const flags = fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY;
        return await open(resolve(io.cwd, path), flags, mode);
      } catch (err) {
        throw new UsageError(`${what} ${path} ${fileErrorReason(err, true)}`);
      }
    },
    async removeFile(path) {
      await rm(resolve(io.cwd, path), { force: true });
    },
    change: (make) => make(),
    async promptSecret(question) {
      if (!io.stdin.isTTY || !io.stdin.setRawMode) return undefined;
      return readHidden(io, question);
    },
  };
}

/** Reads one line from a raw-mode terminal, echoing nothing. */
function readHidden(io: Io, question: string): Promise<string> {
  const stdin = io.stdin;
  io.stderr.write(question);
  stdin.setRawMode!(true);
  stdin.resume();
  let typed = "";
  return new Promise((resolvePromise, reject) => {
    const done = (value: string | Error) => {
      stdin.removeListener("data", onData);
      stdin.setRawMode!(false);
      stdin.pause();
      io.stderr.write("\n");
      if (value instanceof Error) reject(value);
      else resolvePromise(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString("utf8")) {
        if (ch === "\r" || ch === "\n") return done(typed);
        if (ch === "\u0003") return done(new UsageError("interrupted"));
        if (ch === "\u007f" || ch === "\b") typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on("data", onData);
  });
}
