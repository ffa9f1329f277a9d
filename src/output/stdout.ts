import { fstatSync, readFileSync, statSync } from "node:fs";
import { devNull } from "node:os";

/**
 * Standard output as a command writes its result: every chunk is confirmed written before the
 * next request goes out, so a reader that left (`| head -1`) or a full disk stops the command at
 * once, and a failure is a value the runner handles, never an uncaught 'error' event.
 */

/** Standard output refused the result; `code` is the errno name (ENOSPC, EPIPE, EBADF, EIO, ...). */
export class OutputError extends Error {
  override name = "OutputError";
  constructor(
    readonly code: string,
    reason: string,
  ) {
    super(`cannot write to standard output: ${reason} (${code})`);
  }
}

/** What a command writes its result to: process.stdout, or a plain sink in tests. */
export interface OutputStream {
  write(chunk: string, done?: (error?: Error | null) => void): unknown;
  /** A stream that can fail: it reports each write through `done` and errors as events. */
  on?(event: "error", listener: (error: Error) => void): unknown;
  /** Whether the stream was closed when the process started: what is written to it is lost unread. */
  closedAtStart?(): boolean;
}

/** Writes one chunk; rejects with an OutputError once the stream refused any chunk. */
export type Write = (text: string) => Promise<void>;

/** The reader went away (`| head -1`, `| grep -q`): it chose to discard the rest. */
export function readerLeft(err: unknown): boolean {
  return err instanceof OutputError && err.code === "EPIPE";
}

function outputError(err: Error): OutputError {
  const code = (err as NodeJS.ErrnoException).code ?? "EIO";
  // "ENOSPC: no space left on device, write" -> "no space left on device"
  const reason = err.message.replace(/^[A-Z_]+: /, "").replace(/, write$/, "");
  return new OutputError(code, reason);
}

export function writerFor(stream: OutputStream): Write {
  let failure: OutputError | undefined;
  // The failure reaches the write's callback too; an 'error' event nobody listens to would crash.
  stream.on?.("error", () => {});
  return (text) =>
    new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      if (!stream.on) {
        stream.write(text);
        return resolve();
      }
      stream.write(text, (error) => {
        if (!error) return resolve();
        failure ??= outputError(error);
        reject(failure);
      });
    });
}

/**
 * Whether `fd` was closed when the process started (`>&-`). Node then opens the null device
 * read-write in its place, so writes succeed and vanish; a shell's `> /dev/null` opens it
 * write-only. Linux shows the difference in /proc (a caller that hands over the null device
 * opened read-write, as Python's DEVNULL does, looks the same); elsewhere this answers false.
 */
function closedAtStart(fd: number): boolean {
  try {
    const [out, nul] = [fstatSync(fd), statSync(devNull)];
    if (out.ino !== nul.ino || out.dev !== nul.dev) return false;
    const flags = /^flags:\s*([0-7]+)$/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, "utf8"))?.[1];
    return flags !== undefined && (parseInt(flags, 8) & 3) === 2; // O_ACCMODE is O_RDWR
  } catch {
    return false;
  }
}

/** process.stdout, and whether it was closed at start. */
export function processStdout(): OutputStream {
  return {
    write: (chunk, done) => process.stdout.write(chunk, done),
    on: (event, listener) => process.stdout.on(event, listener),
    closedAtStart: () => closedAtStart(1),
  };
}
