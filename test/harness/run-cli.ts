import { Readable } from "node:stream";
import type { Io } from "../../src/core/context.js";

/**
 * The unit tier (`npm run test:unit`, IAMKIT_TEST_SOURCE set) runs the TypeScript source, so it
 * needs no build; every other test runs the bundle in dist/bundle, the one the bins load.
 */
const { runByName }: typeof import("../../src/cli/main.js") = await import(
  process.env.IAMKIT_TEST_SOURCE ? "../../src/cli/main.js" : "../../dist/bundle/cli/main.js"
);

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
 * Runs a command through runByName, the function every bin shim calls, with captured streams.
 * Everything below it (parsing, signing, HTTP, XML, errors) is real.
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
