import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./moto.js";

/** The installed bin shim of a command, as a user's shell runs it. */
export const binPath = (name: string) => join(ROOT, "bin", `${name}.js`);

export interface Ended {
  /** The exit code, or null when the process ended by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Started {
  child: ChildProcess;
  /** Resolves once the process ended and its pipes closed. */
  ended: Promise<Ended>;
  /** Resolves once stderr held a line matching `pattern` (a `-d` line says where the run is). */
  stderrLine(pattern: RegExp): Promise<void>;
}

/**
 * Starts a real process (a bin, or bash running a pipeline) with piped streams where `stdio` says
 * "pipe", so a test can signal it, close its reader or watch its progress while it runs.
 */
export function start(command: string, argv: string[], options: { env: NodeJS.ProcessEnv; cwd?: string; stdio?: StdioOptions }): Started {
  const child = spawn(command, argv, { env: options.env, cwd: options.cwd, stdio: options.stdio ?? ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const waiting: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout?.on("data", (chunk) => (stdout += chunk));
  // Reading after the test closed the pipe on purpose is not an error.
  child.stdout?.on("error", () => {});
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
    for (const wait of waiting.filter((w) => w.pattern.test(stderr))) {
      waiting.splice(waiting.indexOf(wait), 1);
      wait.resolve();
    }
  });
  const ended = new Promise<Ended>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  const stderrLine = (pattern: RegExp) =>
    new Promise<void>((resolve) => (pattern.test(stderr) ? resolve() : waiting.push({ pattern, resolve })));
  return { child, ended, stderrLine };
}

/** Runs a bin to its end. */
export function runBin(name: string, argv: string[], options: { env: NodeJS.ProcessEnv; cwd?: string }): Promise<Ended> {
  return start(process.execPath, [binPath(name), ...argv], options).ended;
}

/** Runs a bin to its end and keeps what runCli reports (exit code and output), to compare the two alike. */
export async function binResult(name: string, argv: string[], options: { env: NodeJS.ProcessEnv; cwd?: string }): Promise<Pick<Ended, "code" | "stdout" | "stderr">> {
  const { code, stdout, stderr } = await runBin(name, argv, options);
  return { code, stdout, stderr };
}

/** Runs a bash command line (`set -o pipefail` on) with the commands on PATH under their installed names (.bin). */
export function runShell(script: string, options: { env: NodeJS.ProcessEnv; cwd?: string }): Promise<Ended> {
  const env = { ...options.env, PATH: `${join(ROOT, ".bin")}:${options.env.PATH ?? process.env.PATH}` };
  return start("bash", ["-c", `set -o pipefail; ${script}`], { ...options, env }).ended;
}
