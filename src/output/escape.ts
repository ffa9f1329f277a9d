/**
 * Text from the server (names, error codes and messages, policy documents) and from files reaches
 * a terminal: an escape sequence in it could recolour, rewrite or hide what the user reads. Every
 * line iamkit prints passes through one of these, so control characters are shown, never obeyed.
 */

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * `\x1b`, `\x9b`: C0 controls, DEL and the C1 controls U+0080 to U+009F; `\u202e`: a Unicode
 * format control or separator.
 */
function shown(c: string): string {
  const code = c.codePointAt(0)!;
  if (code > 0xffff) return `\\u{${code.toString(16)}}`;
  if (code > 0xff) return `\\u${code.toString(16).padStart(4, "0")}`;
  return NAMED[c] ?? `\\x${code.toString(16).padStart(2, "0")}`;
}

/**
 * Unicode format controls (bidi overrides and isolates such as U+202E, zero-width characters) and
 * the line and paragraph separators: they reorder, hide or break what the terminal shows.
 */
const FORMAT = String.raw`\p{Cf}\u2028\u2029`;

const EVERY_CONTROL = new RegExp(String.raw`[\x00-\x1f\x7f-\x9f${FORMAT}]`, "gu");

/**
 * Everything a document may hold and a terminal obeys: all controls but tab and line feed, and a
 * carriage return that ends a line (a document written on Windows reads the same as it was stored).
 */
const CONTROL_BUT_LAYOUT = new RegExp(String.raw`[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f${FORMAT}]|\r(?!\n)`, "gu");

/** A diagnostic or a one-line field: every control character escaped, so it stays one line. */
export function oneLine(text: string): string {
  return text.replace(EVERY_CONTROL, shown);
}

/** Multi-line output (a policy document, a PEM block): line breaks and tabs kept, other controls escaped. */
export function printable(text: string): string {
  return text.replace(CONTROL_BUT_LAYOUT, shown);
}

/** A value printed as a line of its own: a line feed inside it would read as a further line. */
export function withoutLineBreaks(text: string): string {
  return text.replace(/\n/g, "\\n");
}

/**
 * A JSON document (from JSON.stringify, which already escapes C0 controls): DEL, C1 controls and
 * format controls as \u escapes too, which keeps the document valid JSON with the same content.
 */
export function printableJson(json: string): string {
  // One escape per UTF-16 unit: JSON writes a character beyond U+FFFF as its surrogate pair.
  return json.replace(JSON_UNSAFE, (c) => c.split("").map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`).join(""));
}

const JSON_UNSAFE = new RegExp(String.raw`[\x7f-\x9f${FORMAT}]`, "gu");
