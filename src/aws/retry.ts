import type { RetryErrorInfo, RetryStrategyV2, RetryToken, StandardRetryToken } from "@smithy/types";
import { serviceErrorCode } from "../cli/errors.js";

/** IAM answers a quota (two keys, five versions...) with LimitExceeded: no retry can succeed. */
const NEVER_RETRIED = new Set(["LimitExceeded"]);

/**
 * The SDK's standard retry strategy, except that it counts IAM's LimitExceeded as throttling
 * (other services use that name for rate limits) and would make every quota error wait for
 * backoff before failing; this wrapper fails those at once.
 */
export async function iamRetryStrategy(maxAttempts: number): Promise<RetryStrategyV2> {
  const { StandardRetryStrategy } = await import("@smithy/core/retry");
  const inner = new StandardRetryStrategy(maxAttempts);
  return {
    acquireInitialRetryToken: (scope: string) => inner.acquireInitialRetryToken(scope),
    refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo) {
      const code = serviceErrorCode(info.error);
      if (code && NEVER_RETRIED.has(code)) throw info.error;
      return inner.refreshRetryTokenForRetry(token as StandardRetryToken, info);
    },
    recordSuccess: (token: RetryToken) => inner.recordSuccess(token as StandardRetryToken),
  };
}
