import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { constants, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Auth, Io } from "../core/context.js";
import { localContext } from "../core/context.js";
import { planLines } from "../core/dry-run.js";
import { EXIT, UsageError, serviceErrorCode, toFailure } from "../core/errors.js";
import { PLAN_SOCKET } from "../core/plan-mode.js";
import type { Account } from "../iam/plan-answers.js";
import { PlanState, type PlanStep } from "../iam/plan-state.js";
import { servePlan } from "../iam/plan-service.js";
import { oneLine, printable, printableJson } from "../output/escape.js";
import { connect } from "./run-command.js";
import type { IAM } from "@aws-sdk/client-iam";

const PROG = "iamkit plan";

const USAGE = `usage: iamkit plan [--json] [-d] SCRIPT [ARGS...]
       iamkit plan [--json] [-d] - [ARGS...] < SCRIPT

Runs the bash script SCRIPT with ARGS, with every iam-*/euare-* command in it planned instead of
sent: each is judged against the account as the steps before it would leave it, prints placeholder
answers in the legacy shapes, and exits 1 where IAM would refuse it. Only read requests reach IAM,
and no credential or key file is written. Commands that are not iamkit's run for real.
At the end a summary on stderr lists every step (--json: one document on stdout, and the script's
own standard output goes to stderr). Exit status: 0 when no step would be refused, 1 when one
would, else the script's own status.
`;

interface PlanOptions {
  json: boolean;
  debug: boolean;
  /** The script's path, or undefined to read it from standard input. */
  script?: string;
  args: string[];
}

function parsePlanArguments(argv: string[], io: Io): PlanOptions | "help" {
  const options: PlanOptions = { json: false, debug: false, args: [] };
  let i = 0;
  for (; i < argv.length && argv[i].startsWith("-") && argv[i] !== "-"; i++) {
    const flag = argv[i];
    if (flag === "-h" || flag === "--help") return "help";
    if (flag === "--json") options.json = true;
    else if (flag === "-d" || flag === "--debug") options.debug = true;
    else if (flag === "--") {
      i++;
      break;
    } else throw new UsageError(`unknown option ${flag}; see iamkit plan -h`);
  }
  const [script, ...args] = argv.slice(i);
  options.args = args;
  if (script === undefined || script === "-") {
    if (io.stdin.isTTY) throw new UsageError("no script given: name a bash script, or pipe one in; see iamkit plan -h");
    return options;
  }
  const path = resolve(io.cwd, script);
  if (!existsSync(path)) throw new UsageError(`script ${script} does not exist`);
  if (statSync(path).isDirectory()) throw new UsageError(`script ${script} is a directory`);
  options.script = path;
  return options;
}

/** The account the plan's credentials belong to, for the ARNs of what the plan creates. */
async function readAccount(iam: IAM, auth: Auth): Promise<Account> {
  const fromArn = (arn: string | undefined) => {
    const match = /^arn:([\w-]+):(?:iam|sts)::(\d{12}):/.exec(arn ?? "");
    return match ? { partition: match[1], id: match[2] } : undefined;
  };
  try {
    const account = fromArn((await iam.getUser({})).User?.Arn);
    if (account) return account;
  } catch (err) {
    // A role's or the root user's credentials: STS says whose they are.
    if (serviceErrorCode(err) === undefined) throw err;
  }
  const identity = await (await auth.sts()).getCallerIdentity({});
  return fromArn(identity.Arn) ?? { partition: "aws", id: identity.Account ?? "000000000000" };
}

/** Runs the script under bash with the plan service named in its environment; resolves with its exit status. */
function runScript(options: PlanOptions, io: Io, socket: string): Promise<number> {
  const bashArgs = options.script ? [options.script, ...options.args] : ["-s", "--", ...options.args];
  const child = spawn("bash", bashArgs, {
    cwd: io.cwd,
    env: { ...io.env, [PLAN_SOCKET]: socket },
    stdio: [options.script ? "inherit" : "pipe", "pipe", "pipe"],
  });
  if (!options.script) io.stdin.pipe(child.stdin!);
  // With --json, standard output holds the document alone: the script's own output goes to stderr.
  const out = options.json ? io.stderr : io.stdout;
  // Decoded as a stream, so a character split between two chunks arrives whole.
  child.stdout!.setEncoding("utf8").on("data", (text: string) => out.write(text));
  child.stderr!.setEncoding("utf8").on("data", (text: string) => io.stderr.write(text));
  return new Promise((done, fail) => {
    child.on("error", (err) => fail(new UsageError(`cannot run bash (${(err as NodeJS.ErrnoException).code ?? err.message})`)));
    child.on("close", (code, signal) => done(code ?? 128 + constants.signals[signal!]));
  });
}

const RAN_FOR_REAL = "only iam-*/euare-* commands were planned: every other command in the script ran for real";

/** The summary's lines: each step with what it would do, then the count. */
function summaryLines(steps: PlanStep[], failures: string[], scriptCode: number): string[] {
  const lines = [`${PROG}: ${RAN_FOR_REAL}`];
  steps.forEach((step, i) => {
    lines.push(`step ${i + 1}: ${step.commandLine ?? "(a command that did not finish)"}`);
    const changes = step.changes.length > 0 ? planLines(step.changes) : ["reads only"];
    // A multi-line value (a policy document) stays indented under its step, without blank lines.
    const indented = changes.flatMap((line) => line.split("\n")).map((line) => `  ${line}`.trimEnd());
    lines.push(...indented.filter((line) => line !== ""));
    if (step.refusal) lines.push(`  would fail: ${step.refusal}`);
    else if (step.code) lines.push(`  exits ${step.code}`);
  });
  for (const failure of failures) lines.push(`${PROG}: the plan could not judge a step: ${failure}`);
  const refused = steps.filter((step) => step.refusal).length;
  const ending = refused > 0 ? `${refused} would fail` : scriptCode !== 0 ? `none would be refused, but the script exits ${scriptCode}` : "none would fail";
  lines.push(`${PROG}: ${steps.length} step${steps.length === 1 ? "" : "s"}, ${ending}; nothing was changed in IAM`);
  return lines;
}

function summaryDocument(steps: PlanStep[], failures: string[], scriptCode: number, code: number) {
  return {
    Note: RAN_FOR_REAL,
    Steps: steps.map((step) => ({
      CommandLine: step.commandLine,
      ExitCode: step.code,
      Changes: step.changes,
      ...(step.refusal && { WouldFail: step.refusal }),
    })),
    ...(failures.length > 0 && { Failures: failures }),
    ScriptExitCode: scriptCode,
    ExitCode: code,
  };
}

/** `iamkit plan SCRIPT [ARGS...]`: the whole runbook predicted, nothing changed. */
export async function runPlan(argv: string[], io: Io): Promise<number> {
  let dir: string | undefined;
  try {
    const options = parsePlanArguments(argv, io);
    if (options === "help") {
      io.stdout.write(USAGE);
      return EXIT.ok;
    }
    const local = { ...localContext(PROG, io, options.debug, (text) => text), undoUnlessPrinted: () => {}, failAfterPrinting: () => {} };
    // Its reads never wait for new entities: what the plan creates lives in its state, not in IAM.
    const { iam, auth } = await connect({ debug: options.debug, propagationTimeout: 0 }, io, local, new AbortController());
    // Read before the script starts: missing credentials or an unreachable endpoint end the plan
    // here, with their own exit code, rather than failing every step.
    const state = new PlanState(iam, await readAccount(iam, auth), local.debug);
    // mkdtemp makes the directory 0700: only this user can reach the socket in it.
    dir = mkdtempSync(join(tmpdir(), "iamkit-plan-"));
    const socket = join(dir, "plan.sock");
    const failures: string[] = [];
    const service = await servePlan(state, socket, (message) => failures.push(oneLine(message)));
    const scriptCode = await runScript(options, io, socket).finally(() => service.close());
    const steps = [...state.steps.values()];
    const code = steps.some((step) => step.refusal) ? EXIT.service : scriptCode;
    if (options.json) io.stdout.write(`${printableJson(JSON.stringify(summaryDocument(steps, failures, scriptCode, code), null, 2))}\n`);
    else io.stderr.write(`${printable(summaryLines(steps, failures, scriptCode).join("\n"))}\n`);
    return code;
  } catch (err) {
    const failure = toFailure(err, PROG);
    for (const line of failure.lines) io.stderr.write(`${oneLine(line)}\n`);
    return failure.code;
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
