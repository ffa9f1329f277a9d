/** A positive number of seconds, fractions allowed; undefined when `raw` is not one. */
export function parseSeconds(raw: string): number | undefined {
  return /^\d+(\.\d+)?$/.test(raw) && Number(raw) > 0 ? Number(raw) : undefined;
}
