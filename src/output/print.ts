/**
 * The legacy output shapes. Every command prints through these, so a format fix lands once.
 */

/** The trailer IAMCli printed after every list; iamkit always lists every page, so it is false. */
export const NOT_TRUNCATED = "IsTruncated: false";

/** A list: one value per line, then the IsTruncated trailer. */
export function listLines(values: (string | undefined)[]): string[] {
  return [...values.map((v) => v ?? ""), NOT_TRUNCATED];
}

/**
 * A streamed list: one line per item as pages arrive, then the trailer, which is written only
 * after the last page: a listing cut short by an error never claims to be complete.
 */
export async function* streamedListLines<T>(values: AsyncIterable<T>, line: (item: T) => string | undefined): AsyncGenerator<string> {
  for await (const value of values) yield line(value) ?? "";
  yield NOT_TRUNCATED;
}

/** `-r -p` layout: each header on its own line, its items below it indented by a tab. */
export function sectionLines(sections: [header: string, items: string[]][]): string[] {
  return sections.flatMap(([header, items]) => [header, ...items.map((item) => `\t${item}`)]);
}

/** `Key: Value` lines. */
export function keyValueLines(entries: [key: string, value: unknown][]): string[] {
  return entries.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v instanceof Date ? v.toISOString() : v}`);
}

/**
 * IAM returns policy documents URL-encoded; print them as the user wrote them. Some compatible
 * endpoints (moto) return them unencoded: a document that does not decode is shown as it came.
 */
export function decodePolicy(document: string | undefined): string {
  if (document === undefined) return "";
  try {
    return decodeURIComponent(document);
  } catch {
    return document;
  }
}
