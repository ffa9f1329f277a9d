import type { IAM } from "@aws-sdk/client-iam";
import type { PlannedStep } from "../core/context.js";
import { isReadOnly } from "../core/dry-run.js";

/**
 * A command's side of `iamkit plan`: while a runbook is planned, every IAM request the command
 * makes is first put to the plan service (named by IAMKIT_PLAN_SOCKET, a unix socket), which
 * answers a change itself (a placeholder result, or IAM's refusal) and a read of an entity the
 * plan changed from the plan's state; any other read goes on to IAM as usual.
 */

/** What the service answers to one request. */
export type PlanAnswer = { output: Record<string, unknown> } | { error: { code: string; message: string; status: number } } | { pass: true };

/** What a step reports when it ends: for the plan's summary. */
export interface StepReport {
  commandLine: string;
  code: number;
  /** Its changes in the order it would make them: IAM actions, and local ones (files, STS checks) planned instead of made. */
  changes: PlannedStep[];
}

/**
 * One id per process: the service groups the requests of one step by it. Made on first use, so
 * that processes started from a startup snapshot do not share one.
 */
let step: string | undefined;
const thisStep = () => (step ??= `${process.pid}-${Date.now()}`);

async function post<T>(socket: string, path: string, body: unknown): Promise<T> {
  const { request } = await import("node:http");
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: socket, path, method: "POST", headers: { "content-type": "application/json" } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => {
        if (res.statusCode !== 200) reject(new Error(`the plan service failed: ${text}`));
        else resolve(JSON.parse(text, reviveDates) as T);
      });
    });
    req.on("error", (err) => reject(new Error(`the plan service at ${socket} cannot be reached (${(err as NodeJS.ErrnoException).code ?? err.message})`)));
    req.end(JSON.stringify(body));
  });
}

/** The SDK's results carry dates as Date objects; JSON carries them as ISO strings. */
function reviveDates(key: string, value: unknown): unknown {
  return /Date$/.test(key) && typeof value === "string" ? new Date(value) : value;
}

/** An IAM refusal as the SDK reports one: the same exit code and message line as the real answer. */
function refusal({ code, message, status }: { code: string; message: string; status: number }): Error {
  return Object.assign(new Error(message), { name: code, Code: code, $fault: "client", $metadata: { httpStatusCode: status } });
}

/** Puts every request of `client` to the plan service first; each change is added to `changes`. */
export function planThroughService(client: IAM, socket: string, changes: PlannedStep[]): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const action = String(context.commandName ?? "").replace(/Command$/, "");
      const answer = await post<PlanAnswer>(socket, "/request", { step: thisStep(), action, input: args.input });
      if ("pass" in answer) return next(args);
      if (!isReadOnly(action)) changes.push({ Action: action, Input: { ...(args.input as Record<string, unknown>) } });
      if ("error" in answer) throw refusal(answer.error);
      return { output: { ...answer.output, $metadata: {} }, response: {} } as Awaited<ReturnType<typeof next>>;
    },
    { step: "initialize", name: "iamkitPlan", priority: "high" },
  );
}

/** Tells the service how the step ended. */
export function reportStep(socket: string, report: StepReport): Promise<void> {
  return post<void>(socket, "/step", { step: thisStep(), ...report });
}
