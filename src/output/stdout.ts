import { fstatSync, statSync } from "node:fs";
import { devNull } from "node:os";
import { OutputError } from "../cli/errors.js";

/**
 * Standard output as a command writes its result: every chunk is confirmed written before the
 * next request goes out, so a reader that left (`| head -1`) or a full disk stops the command at
 * once, and a failure is a value the runner handles, never an uncaught 'error' event.
 */

/** What a command writes its result to: process.stdout, or a plain sink in tests. */
export interface OutputStream {
  write(chunk: string, done?: (error?: Error | null) => void): unknown;
  /** A stream that can fail: it reports each write through `done` and errors as events. */
  on?(event: "error", listener: (error: Error) => void): unknown;
  /**
   * Whether what is written is thrown away unread. Node reopens a closed stdout (`>&-`) on the
   * null device, so its writes succeed: a secret printed there is lost like one written to /dev/null.
   */
  discards?(): boolean;
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

/** Whether `fd` is the null device: a closed stdout (Node reopens it there), `> /dev/null`, a discarding caller. */
function isNullDevice(fd: number): boolean {
  try {
    const [out, nul] = [fstatSync(fd), statSync(devNull)];
    return out.ino === nul.ino && out.dev === nul.dev;
  } catch {
    return false;
  }
}

/** process.stdout, and whether what it is given is thrown away. */
export function processStdout(): OutputStream {
  return {
    write: (chunk, done) => process.stdout.write(chunk, done),
    on: (event, listener) => process.stdout.on(event, listener),
    discards: () => isNullDevice(1),
  };
}
