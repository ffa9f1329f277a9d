import { createServer, type IncomingMessage, type Server } from "node:http";
import type { StepReport } from "../aws/plan-link.js";
import { serviceErrorCode } from "../core/errors.js";
import type { PlanState } from "./plan-state.js";

/**
 * The plan service: the plan's state served on a unix socket for the length of the runbook. A
 * step puts each IAM request to `/request` and reports how it ended to `/step`; both carry JSON.
 * The socket lives in a directory only the user can enter, so no one else can reach the plan.
 */

async function body(req: IncomingMessage): Promise<any> {
  let text = "";
  for await (const chunk of req) text += chunk;
  return JSON.parse(text);
}

export interface PlanService {
  close(): Promise<void>;
}

/** Starts serving `state` on `socket`; `failed` is told of a request the state could not answer. */
export async function servePlan(state: PlanState, socket: string, failed: (message: string) => void): Promise<PlanService> {
  const server: Server = createServer(async (req, res) => {
    try {
      const message = await body(req);
      let answer: unknown = {};
      if (req.url === "/request") answer = await state.answer(message.step, message.action, message.input);
      else if (req.url === "/step") state.report(message.step, message as StepReport);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err);
      const code = serviceErrorCode(err);
      // IAM refused one of the plan's reads (AccessDenied, say): the step meets that refusal.
      if (code) {
        const status = (err as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode;
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ error: { code, message: text, status } }));
        return;
      }
      failed(text);
      res.writeHead(500).end(text);
    }
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(socket, resolve));
  return { close: () => new Promise((resolve) => server.close(() => resolve())) };
}
