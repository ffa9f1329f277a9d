import type { Readable } from "node:stream";
import type { HttpHandler, HttpRequest, HttpResponse } from "@smithy/core/protocols";
import type { NodeHttpHandler, NodeHttpHandlerOptions } from "@smithy/node-http-handler";
import type { HttpHandlerOptions } from "@smithy/types";
import { cleanupBound } from "../core/cleanup.js";
import { isReadOnly } from "../core/dry-run.js";
import { DeadlineReached, Interrupted } from "../core/errors.js";

/** The end of the time the whole command may take (--timeout or IAMKIT_TIMEOUT). */
export interface CommandDeadline {
  /** Epoch milliseconds. */
  at: number;
  seconds: number;
  source: string;
}

/**
 * After SIGINT or SIGTERM, a change already sent gets this long to be answered before it is cut
 * off: IAM answers within it, so the report can usually say what was done. A read is cut off at once.
 */
export const IN_FLIGHT_GRACE_MS = 1_500;

/** What the SDK's retry strategy recognises as a transient timeout (by name and code). */
function attemptTimedOut(ms: number): Error {
  return Object.assign(new Error(`no complete answer within ${ms} ms`), { name: "TimeoutError", code: "ETIMEDOUT" });
}

/** A change cut off by SIGINT or SIGTERM while in flight: IAM may or may not have made it. */
class CutOff extends Interrupted {
  constructor(signal: Interrupted["signal"], action: string) {
    super(signal);
    this.message = `interrupted by ${signal} while ${action} was in flight: it may or may not have taken effect`;
  }
}

/** The action of a query-protocol request (IAM, STS): its body is a form with Action=. */
function actionOf(request: HttpRequest): string {
  return new URLSearchParams(typeof request.body === "string" ? request.body : "").get("Action") ?? "a request";
}

/** Reads the whole body, or fails with `reason` as soon as `signal` aborts. */
async function readBody(body: Readable, signal: AbortSignal, reason: () => Error): Promise<Uint8Array> {
  const stop = () => body.destroy(reason());
  signal.addEventListener("abort", stop, { once: true });
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  } finally {
    signal.removeEventListener("abort", stop);
  }
  return Buffer.concat(chunks);
}

/**
 * The SDK's Node handler times out a connection that goes idle, so a server sending a byte a
 * second holds a request forever. This one bounds each attempt as a whole, headers and body, by
 * the request timeout and by what is left of the command's deadline, and hands the SDK the body
 * read in full (the answer check in client.ts reads it too). SIGINT or SIGTERM (`interrupt`) cuts
 * off the attempt in flight and refuses new ones, except inside a cleanup (src/core/cleanup.ts),
 * which is bounded by its own time instead of the deadline. `onSlow` hears once per attempt that
 * no answer came within `slowAfterMs`.
 */
export class DeadlineHandler implements HttpHandler<NodeHttpHandlerOptions> {
  readonly metadata: NodeHttpHandler["metadata"];
  constructor(
    private readonly inner: NodeHttpHandler,
    private readonly requestTimeout: number,
    private readonly deadline?: CommandDeadline,
    private readonly interrupt?: AbortSignal,
    private readonly slow?: { afterMs: number; notify: (action: string, ms: number) => void },
  ) {
    this.metadata = inner.metadata;
  }

  async handle(request: HttpRequest, options: HttpHandlerOptions = {}): Promise<{ response: HttpResponse }> {
    const cleanup = cleanupBound();
    const interrupt = cleanup ? undefined : this.interrupt;
    interrupt?.throwIfAborted();
    cleanup?.throwIfAborted();
    const deadline = cleanup ? undefined : this.deadline;
    const left = deadline ? deadline.at - Date.now() : Infinity;
    if (left <= 0) throw new DeadlineReached(deadline!.seconds, deadline!.source);
    const budget = Math.min(this.requestTimeout, left);
    const action = actionOf(request);

    const controller = new AbortController();
    let stopped: Error | undefined;
    const stop = (why: Error) => {
      stopped ??= why;
      controller.abort();
    };
    const timers = [
      setTimeout(() => stop(budget === left && deadline ? new DeadlineReached(deadline.seconds, deadline.source) : attemptTimedOut(budget)), budget),
    ];
    // A cleanup has its own bound, and its report says what became of it.
    if (this.slow && !cleanup) timers.push(setTimeout(() => this.slow!.notify(action, this.slow!.afterMs), this.slow.afterMs));
    const onInterrupt = () => {
      const reason = interrupt!.reason as Interrupted;
      if (isReadOnly(action)) stop(reason);
      else timers.push(setTimeout(() => stop(new CutOff(reason.signal, action)), IN_FLIGHT_GRACE_MS));
    };
    const onCleanupOver = () => stop(cleanup!.reason as Error);
    // The SDK types the caller's signal loosely; at run time it is the platform's AbortSignal.
    const callerSignal = options.abortSignal as AbortSignal | undefined;
    const onCaller = () => controller.abort();
    const listening: [AbortSignal | undefined, () => void][] = [
      [callerSignal, onCaller],
      [interrupt, onInterrupt],
      [cleanup, onCleanupOver],
    ];
    for (const [signal, listener] of listening) signal?.addEventListener("abort", listener, { once: true });
    try {
      const { response } = await this.inner.handle(request, { abortSignal: controller.signal });
      response.body = await readBody(response.body as Readable, controller.signal, () => stopped ?? new Error("aborted"));
      return { response };
    } catch (err) {
      throw stopped ?? err;
    } finally {
      for (const timer of timers) clearTimeout(timer);
      for (const [signal, listener] of listening) signal?.removeEventListener("abort", listener);
    }
  }

  updateHttpClientConfig(key: keyof NodeHttpHandlerOptions, value: NodeHttpHandlerOptions[typeof key]): void {
    this.inner.updateHttpClientConfig(key, value);
  }

  httpHandlerConfigs(): NodeHttpHandlerOptions {
    return this.inner.httpHandlerConfigs();
  }

  destroy(): void {
    this.inner.destroy();
  }
}
