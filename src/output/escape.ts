/**
 * Text from the server (names, error codes and messages, policy documents) and from files reaches
 * a terminal: an escape sequence in it could recolour, rewrite or hide what the user reads. Every
 * line iamkit prints passes through one of these, so control characters are shown, never obeyed.
 */

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** `\x1b`, `\x9b`: C0 controls, DEL and the C1 controls U+0080 to U+009F. */
function shown(c: string): string {
  return NAMED[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
}

const EVERY_CONTROL = /[\x00-\x1f\x7f-\x9f]/g;

/**
 * Everything a document may hold and a terminal obeys: all controls but tab and line feed, and a
 * carriage return that ends a line (a document written on Windows reads the same as it was stored).
 */
const CONTROL_BUT_LAYOUT = /[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)/g;

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
 * A JSON document (from JSON.stringify, which already escapes C0 controls): DEL and C1 controls as
 * \u escapes too, which keeps the document valid JSON with the same content.
 */
export function printableJson(json: string): string {
  return json.replace(/[\x7f-\x9f]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}
