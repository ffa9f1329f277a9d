/** The longest time Node's timers can wait (2^31 - 1 ms); a longer one would fire at once. */
export const MAX_SECONDS = 2_147_483;

/** What parseSeconds accepts, for error messages. */
export const SECONDS_EXPECTED = `a positive number of seconds, at most ${MAX_SECONDS}`;

/** A positive number of seconds up to MAX_SECONDS, fractions allowed; undefined when `raw` is not one. */
export function parseSeconds(raw: string): number | undefined {
  const seconds = Number(raw);
  return /^\d+(\.\d+)?$/.test(raw) && seconds > 0 && seconds <= MAX_SECONDS ? seconds : undefined;
}
