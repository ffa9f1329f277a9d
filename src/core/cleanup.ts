import { AsyncLocalStorage } from "node:async_hooks";

/**
 * iamkit's undo of its own half-made change (a new key whose secret reached no one) must still
 * run once SIGINT, SIGTERM or the deadline stopped everything else: the requests and waits made
 * inside runCleanup are let through, each bounded by the cleanup's own time.
 */

/** How long an undo may take, requests and file locks included. */
export const CLEANUP_SECONDS = 10;

/** Created on first use: nothing at start-up pays for it. */
let scope: AsyncLocalStorage<AbortSignal> | undefined;

/** Runs `undo` as a cleanup; it gets the signal that ends its time, for its own waits. */
export function runCleanup<T>(undo: (bound: AbortSignal) => Promise<T>): Promise<T> {
  scope ??= new AsyncLocalStorage();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`the ${CLEANUP_SECONDS} s a rollback may take ran out`)), CLEANUP_SECONDS * 1000);
  return scope.run(controller.signal, () => undo(controller.signal)).finally(() => clearTimeout(timer));
}

/** The time bound of the cleanup the caller runs in, or undefined outside one. */
export function cleanupBound(): AbortSignal | undefined {
  return scope?.getStore();
}
