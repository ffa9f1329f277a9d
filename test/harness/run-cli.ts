import { Readable } from "node:stream";
import type { Io } from "../../src/core/context.js";
import { runByName } from "../../dist/bundle/cli/main.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env: NodeJS.ProcessEnv;
  stdin?: string;
  cwd?: string;
}

/**
 * Runs a command through runByName, the function every bin shim calls, on the bundle in dist/bundle,
 * with captured streams. Everything below it (parsing, signing, HTTP, XML, errors) is real.
 */
export async function runCli(name: string, argv: string[], options: RunOptions): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    env: options.env,
    cwd: options.cwd ?? process.cwd(),
  };
  const code = await runByName(name, argv, io);
  return { code, stdout, stderr };
}
