import type { RetryErrorInfo, RetryStrategyV2, RetryToken, StandardRetryBackoffStrategy, StandardRetryToken } from "@smithy/types";
import { ACTION, DeadlineReached, Interrupted, NOT_RETRIED, NotIamAnswer, serviceErrorCode, transportProblem } from "../core/errors.js";
import { isNotImplementedAnswer } from "../core/not-implemented.js";
import type { ClientConfig } from "./client-config.js";

/** IAM answers a quota (two keys, five versions...) with LimitExceeded: no retry can succeed. */
const NEVER_RETRIED = new Set(["LimitExceeded"]);

/**
 * Actions that create something IAM does not deduplicate: when an attempt fails after IAM may have
 * acted on it (a 5xx, a reset or a timeout), a retry could leave two keys or two versions. These
 * are retried only when IAM certainly did nothing: throttling, or a connection that was never made.
 * Creates of named entities (CreateUser, CreateRole...) are safe to retry: a second attempt cannot
 * make a duplicate, at worst it answers EntityAlreadyExists, which iamkit reports with a hint.
 */
export const NOT_IDEMPOTENT = new Set(["CreateAccessKey", "CreatePolicyVersion", "CreateServiceSpecificCredential"]);

const NEVER_CONNECTED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

function retryAllowed(info: RetryErrorInfo): boolean {
  const error = info.error as { [ACTION]?: string; [NOT_RETRIED]?: boolean; code?: string } | undefined;
  const code = serviceErrorCode(error);
  if (code && NEVER_RETRIED.has(code)) return false;
  // An endpoint lacking the action will lack it on the next attempt too; the same holds for a
  // certificate it is not trusted with, a port that speaks no TLS, an answer that is not HTTP, or
  // a 2xx that is not IAM's. And once the command's time is up, or it was interrupted, nothing more is sent.
  if (isNotImplementedAnswer(error) || transportProblem(error) || error instanceof DeadlineReached || error instanceof Interrupted) return false;
  if (error instanceof NotIamAnswer && error.status < 300) return false;
  if (!error?.[ACTION] || !NOT_IDEMPOTENT.has(error[ACTION])) return true;
  if (info.errorType === "THROTTLING" || NEVER_CONNECTED.has(error.code ?? "")) return true;
  error[NOT_RETRIED] = true;
  return false;
}

/** Why a retry is needed, when it is worth telling the user without -d: IAM throttles, or the endpoint is slow. */
function retryReason(info: RetryErrorInfo): string | undefined {
  if (info.errorType === "THROTTLING") return "throttled";
  const error = info.error as { name?: string; code?: string } | undefined;
  // The SDK names some resets TimeoutError too: a code, where there is one, says what happened.
  const timedOut = error?.code ? error.code === "ETIMEDOUT" : error?.name === "TimeoutError";
  return timedOut ? "timed out" : undefined;
}

/**
 * The SDK's backoff, "full jitter": a random wait below base × 2^retries, the base 50 ms, or 1 s
 * after throttling, under a lower ceiling than the SDK's 20 s.
 *
 * Why a ceiling: it bounds every wait, throttled or not, so scripts that would rather fail fast and
 * local emulators can shorten retries, and the fault tests shorten them through the same setting
 * and code path users have, rather than through a switch only tests know. The SDK's own `baseDelay`
 * option sets the base of non-throttling retries only, so it could not shorten the waits IAM's
 * throttling causes. The SDK does not export its backoff, hence this copy of its formula; without a
 * MaxBackoff setting it is not used, and the SDK's backoff runs untouched. Adaptive mode's rate
 * limit is not a backoff and stays as the SDK has it.
 */
function cappedBackoff(maxBackoff: number): StandardRetryBackoffStrategy {
  let base = 0;
  return {
    setDelayBase: (delay) => void (base = delay),
    computeNextBackoffDelay: (retries) => Math.floor(Math.random() * Math.min(base * 2 ** retries, maxBackoff)),
  };
}

export interface RetryListeners {
  /** Hears of each retry of a throttled or timed-out request, after its backoff. */
  onRetry?: (message: string) => void;
  /** -d: hears of every retry and its backoff. */
  debug?: (message: string) => void;
}

/**
 * The SDK's standard or adaptive retry strategy (backoff with jitter, a retry budget, and for
 * adaptive a client-side rate limit once IAM throttles), refusing the retries above.
 */
export async function iamRetryStrategy(
  config: Pick<ClientConfig, "maxAttempts" | "retryMode" | "maxBackoff">,
  { onRetry, debug }: RetryListeners = {},
): Promise<RetryStrategyV2> {
  const { AdaptiveRetryStrategy, StandardRetryStrategy } = await import("@smithy/core/retry");
  const options = { maxAttempts: config.maxAttempts, backoff: config.maxBackoff ? cappedBackoff(config.maxBackoff) : undefined };
  const inner = config.retryMode === "adaptive" ? new AdaptiveRetryStrategy(config.maxAttempts, options) : new StandardRetryStrategy(options);
  return {
    acquireInitialRetryToken: (scope: string) => inner.acquireInitialRetryToken(scope),
    async refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo) {
      if (!retryAllowed(info)) throw info.error;
      const next = await inner.refreshRetryTokenForRetry(token as StandardRetryToken, info);
      const attempt = `attempt ${next.getRetryCount() + 1} of ${config.maxAttempts}`;
      const action = (info.error as { [ACTION]?: string } | undefined)?.[ACTION] ?? "request";
      debug?.(`${action}: ${attempt} after a backoff of ${next.$retryLog?.acquisitionDelay ?? 0} ms`);
      const reason = retryReason(info);
      if (reason) onRetry?.(`retrying ${action}: ${reason} (${attempt})`);
      return next;
    },
    recordSuccess: (token: RetryToken) => inner.recordSuccess(token as StandardRetryToken),
  };
}
