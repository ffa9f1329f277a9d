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

/** The euca2ools names whose lists ended with the trailer too: user and role list-policies printed it. */
const EUCA2OOLS_TRAILER = new Set(["euare-userlistpolicies", "euare-rolelistpolicies"]);

/**
 * euca2ools' own layouts of three lists (it printed no IsTruncated trailer in them either): a
 * `groups` heading over indented ARNs, the group's ARN over an indented `users` section, and
 * `Alias: ` before each alias.
 */
const EUCA2OOLS_LAYOUTS: Record<string, { heading?: string; item: (line: string, index: number) => string[] }> = {
  "euare-grouplistbypath": { heading: "groups", item: (arn) => [`   ${arn}`] },
  "euare-grouplistusers": { item: (arn, index) => (index === 0 ? [arn, "   users"] : [`   ${arn}`]) },
  "euare-accountaliaslist": { item: (alias) => [`Alias: ${alias}`] },
};

/**
 * The lines as the command named `prog` printed them: euca2ools' other lists ended at their last
 * item (an empty list printed nothing), so under those `euare-` names the trailer is left out, and
 * three lists take euca2ools' own layout.
 */
export function asPrintedBy(prog: string, lines: string[] | AsyncIterable<string>): string[] | AsyncIterable<string> {
  if (!prog.startsWith("euare-") || EUCA2OOLS_TRAILER.has(prog)) return lines;
  const items = Array.isArray(lines) ? (lines.at(-1) === NOT_TRUNCATED ? lines.slice(0, -1) : lines) : withoutTrailer(lines);
  const layout = EUCA2OOLS_LAYOUTS[prog];
  return layout ? laidOut(items, layout.item, layout.heading) : items;
}

/** Items in a layout: the heading first (printed for an empty list too), then each item's lines. */
async function* laidOut(items: Iterable<string> | AsyncIterable<string>, item: (line: string, index: number) => string[], heading?: string) {
  if (heading !== undefined) yield heading;
  let index = 0;
  for await (const line of items) yield* item(line, index++);
}

/** A streamed list without its final trailer: each line is written once the next one has come. */
async function* withoutTrailer(lines: AsyncIterable<string>): AsyncGenerator<string> {
  let held: string | undefined;
  for await (const line of lines) {
    if (held !== undefined) yield held;
    held = line;
  }
  if (held !== undefined && held !== NOT_TRUNCATED) yield held;
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
