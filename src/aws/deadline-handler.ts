import type { Readable } from "node:stream";
import type { HttpHandler, HttpRequest, HttpResponse } from "@smithy/core/protocols";
import type { NodeHttpHandler, NodeHttpHandlerOptions } from "@smithy/node-http-handler";
import type { HttpHandlerOptions } from "@smithy/types";
import { DeadlineReached } from "../core/errors.js";

/** The end of the time the whole command may take (--timeout or IAMKIT_TIMEOUT). */
export interface CommandDeadline {
  /** Epoch milliseconds. */
  at: number;
  seconds: number;
  source: string;
}

/** What the SDK's retry strategy recognises as a transient timeout (by name and code). */
function attemptTimedOut(ms: number): Error {
  return Object.assign(new Error(`no complete answer within ${ms} ms`), { name: "TimeoutError", code: "ETIMEDOUT" });
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
 * read in full (the answer check in client.ts reads it too).
 */
export class DeadlineHandler implements HttpHandler<NodeHttpHandlerOptions> {
  readonly metadata: NodeHttpHandler["metadata"];
  constructor(
    private readonly inner: NodeHttpHandler,
    private readonly requestTimeout: number,
    private readonly deadline?: CommandDeadline,
  ) {
    this.metadata = inner.metadata;
  }

  async handle(request: HttpRequest, options: HttpHandlerOptions = {}): Promise<{ response: HttpResponse }> {
    const left = this.deadline ? this.deadline.at - Date.now() : Infinity;
    if (left <= 0) throw new DeadlineReached(this.deadline!.seconds, this.deadline!.source);
    const budget = Math.min(this.requestTimeout, left);
    const reason = () =>
      budget === left && this.deadline ? new DeadlineReached(this.deadline.seconds, this.deadline.source) : attemptTimedOut(budget);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), budget);
    const stopWith = () => controller.abort();
    // The SDK types the caller's signal loosely; at run time it is the platform's AbortSignal.
    const callerSignal = options.abortSignal as AbortSignal | undefined;
    callerSignal?.addEventListener("abort", stopWith, { once: true });
    try {
      const { response } = await this.inner.handle(request, { abortSignal: controller.signal });
      response.body = await readBody(response.body as Readable, controller.signal, reason);
      return { response };
    } catch (err) {
      if (controller.signal.aborted && !callerSignal?.aborted) throw reason();
      throw err;
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", stopWith);
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
