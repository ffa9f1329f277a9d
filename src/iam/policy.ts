import { UsageError } from "../cli/errors.js";
import { plainText } from "../cli/plain-text.js";

/** The one statement shape `*addpolicy -e -a -r` builds; `-o` prints it as a single JSON line. */
export function buildSimplePolicy(effect: string, actions: string[], resources: string[]): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: effect, Action: actions, Resource: resources }],
  });
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/**
 * Where and why text is not strict JSON. V8's own messages give no position for most mistakes and
 * quote the whole input, so the location comes from jsonc-parser, loaded only on this error path.
 */
async function jsonSyntaxError(text: string): Promise<{ offset: number; reason: string }> {
  const { parse, printParseErrorCode } = await import("jsonc-parser");
  const errors: import("jsonc-parser").ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0] ?? { offset: text.length, error: 16 /* ValueExpected */ };
  const words = printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return { offset: first.offset, reason: words };
}

/**
 * Checks that a policy document can be sent: it parses as JSON (the error names line and column)
 * and holds only characters IAM accepts (tab, LF, CR and U+0020 to U+00FF). Returns the text
 * unchanged: IAM stores the document as written.
 */
export async function checkPolicyDocument(text: string, source: string): Promise<string> {
  const bad = /[^\t\n\r\x20-\xff]/.exec(text);
  if (bad) {
    const { line, column } = lineAndColumn(text, bad.index);
    const hint = plainText(text) !== text ? ` (typographic quotes or dashes? use plain ASCII " ' -)` : "";
    const code = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
    throw new UsageError(`${source} line ${line}, column ${column}: character U+${code} is not allowed in a policy${hint}`);
  }
  try {
    JSON.parse(text);
  } catch {
    const { offset, reason } = await jsonSyntaxError(text);
    const { line, column } = lineAndColumn(text, offset);
    throw new UsageError(`${source} line ${line}, column ${column}: not valid JSON: ${reason}`);
  }
  return text;
}
