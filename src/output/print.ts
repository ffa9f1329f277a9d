import { oneLine, withoutLineBreaks } from "./escape.js";

/**
 * The legacy output shapes. Every command prints through these, so a format fix lands once.
 * Values come from the server: each stays on its own line (the runner escapes other controls).
 */

/** The trailer IAMCli printed after every list; iamkit always lists every page, so it is false. */
const NOT_TRUNCATED = "IsTruncated: false";

/** A list: one value per line, then the IsTruncated trailer. */
export function listLines(values: (string | undefined)[]): string[] {
  return [...values.map((v) => withoutLineBreaks(v ?? "")), NOT_TRUNCATED];
}

/**
 * A streamed list: each item's line (or lines) as pages arrive, then the trailer, which is written
 * only after the last page: a listing cut short by an error never claims to be complete.
 */
export async function* streamedListLines<T>(
  values: AsyncIterable<T>,
  lines: (item: T) => string | undefined | (string | undefined)[],
): AsyncGenerator<string> {
  for await (const value of values) {
    const out = lines(value);
    for (const line of Array.isArray(out) ? out : [out]) yield withoutLineBreaks(line ?? "");
  }
  yield NOT_TRUNCATED;
}

/** Lines known before the first page (a heading), then a streamed list. */
export async function* headedLines(heading: string[], rest: AsyncIterable<string>): AsyncGenerator<string> {
  yield* heading;
  yield* rest;
}

/** `-r -p` layout: each header on its own line, its items below it indented by a tab. */
export function sectionLines(sections: [header: string, items: string[]][]): string[] {
  return sections.flatMap(([header, items]) => [oneLine(header), ...items.map((item) => `\t${oneLine(item)}`)]);
}

/** `Key: Value` lines. */
export function keyValueLines(entries: [key: string, value: unknown][]): string[] {
  return entries.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${oneLine(v instanceof Date ? v.toISOString() : String(v))}`);
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
