/**
 * Waiting on IAM's eventual consistency (a new key reaching STS, a credential report being built):
 * IAM has no waiter for these, so iamkit asks again with exponential backoff until a deadline.
 */

const FIRST_DELAY_MS = 500;
const LONGEST_DELAY_MS = 8_000;

/** The pause after the n-th attempt (1-based): 0.5 s, 1 s, 2 s, 4 s, then 8 s each time. */
export function backoffDelay(attempt: number): number {
  return Math.min(FIRST_DELAY_MS * 2 ** (attempt - 1), LONGEST_DELAY_MS);
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
};

/**
 * Calls `attempt` (with its 1-based number) until it returns something other than undefined.
 * The last attempt is made at the deadline, so a timeout of 0 means exactly one attempt; returns
 * undefined when the deadline passed without an answer.
 */
export async function pollWithBackoff<T>(
  attempt: (n: number) => Promise<T | undefined>,
  timeoutMs: number,
  clock: Clock = realClock,
): Promise<T | undefined> {
  const deadline = clock.now() + timeoutMs;
  for (let n = 1; ; n++) {
    const value = await attempt(n);
    if (value !== undefined) return value;
    const remaining = deadline - clock.now();
    if (remaining <= 0) return undefined;
    await clock.sleep(Math.min(backoffDelay(n), remaining));
  }
}
