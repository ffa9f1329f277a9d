import type { Context } from "../core/context.js";
import { UsageError } from "../core/errors.js";
import { plainText } from "../core/plain-text.js";
import { checkPolicySize, formatPath, kindOf, lintPolicy, validatePolicy, type Finding, type PolicyEntity } from "./policy-lint.js";

/** The version a document without one is sent with: the only one where policy variables are substituted. */
export const CURRENT_VERSION = "2012-10-17";

/** The one statement shape `*addpolicy -e -a -r` builds; `-o` prints it as a single JSON line. */
function buildSimplePolicy(effect: string, actions: string[], resources: string[]): string {
  return JSON.stringify({
    Version: CURRENT_VERSION,
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

/** The parsed policyChecks() options: --no-lint and --no-validate. */
export interface PolicyChecks {
  /** False with --no-lint: warnings are not printed (errors still stop the upload). */
  lint?: boolean;
  /** False with --no-validate: nothing is checked and the document is sent as given. */
  validate?: boolean;
}

/**
 * Deeper than any policy needs (IAM's grammar nests about six levels). The checks and the error
 * locator walk the document recursively, so a deeper one would exhaust the stack.
 */
const MAX_DEPTH = 64;

/** The offset of the first bracket nested deeper than `limit`, outside strings; found in one pass. */
function tooDeepAt(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") {
      if (++depth > limit) return i;
    } else if (c === "}" || c === "]") depth--;
  }
  return undefined;
}

/** Strict JSON of bounded depth, or a usage error naming line and column. */
async function parseDocument(text: string, source: string): Promise<unknown> {
  const deep = tooDeepAt(text, MAX_DEPTH);
  if (deep !== undefined) {
    const { line, column } = lineAndColumn(text, deep);
    throw new UsageError(`${source} line ${line}, column ${column}: nested more than ${MAX_DEPTH} levels deep (a policy nests a few levels at most)`);
  }
  try {
    return JSON.parse(text);
  } catch {
    const { offset, reason } = await jsonSyntaxError(text);
    const { line, column } = lineAndColumn(text, offset);
    throw new UsageError(`${source} line ${line}, column ${column}: not valid JSON: ${reason}`);
  }
}

/** What a document is for: decides trust or identity checks, the size limit and the admin lint. */
export interface PolicyTarget extends PolicyChecks {
  entity: PolicyEntity;
  /** The user, group, role or managed policy the document belongs to. */
  name?: string;
}

/** How the source of a document built from -e/-a/-r or -s is named in findings. */
export const GENERATED = "generated policy";

/**
 * Findings as lines naming the source, the line in it (for a document of several lines) and the
 * JSON path. The parse tree comes from jsonc-parser, loaded only when there is something to say.
 */
async function locate(text: string, source: string, findings: Finding[]): Promise<string[]> {
  if (findings.length === 0) return [];
  const { parseTree, findNodeAtLocation } = await import("jsonc-parser");
  // A one-line document (-o, a generated policy) would say "line 1" every time: leave it out.
  const root = text.trim().includes("\n") ? parseTree(text) : undefined;
  return findings.map(({ path, message }) => {
    let line: number | undefined;
    if (root && path.length > 0) {
      // A path into a missing element points at its parent: walk up to the nearest node present.
      for (let depth = path.length; depth >= 0 && line === undefined; depth--) {
        const node = findNodeAtLocation(root, path.slice(0, depth));
        if (node) line = lineAndColumn(text, node.parent?.type === "property" ? node.parent.offset : node.offset).line;
      }
    }
    const where = `${line === undefined ? "" : ` line ${line}`}${path.length > 0 ? `, ${formatPath(path)}` : ""}`;
    return `${source}${where}: ${message}`;
  });
}

/**
 * A document without Version means, to IAM, the 2008-10-17 language. Without policy variables it
 * means the same under 2012-10-17, so it is sent with `"Version": "2012-10-17"` added as the first
 * member, spaced like the member that follows the opening brace (moto, like strict servers, refuses
 * version-less documents). With a variable, 2008-10-17 would read `${aws:username}` as plain text,
 * so guessing either way changes what the policy allows: refused.
 */
function withVersion(text: string, document: unknown, source: string): string {
  // Not an object, or an empty one: nothing to add to, and the structural checks say what is wrong.
  if (typeof document !== "object" || document === null || Array.isArray(document) || "Version" in document) return text;
  if (Object.keys(document).length === 0) return text;
  const variable = /\$\{[^}]*\}/.exec(text)?.[0];
  if (variable) {
    throw new UsageError(
      `${source} has no Version and uses the policy variable ${variable}: without a Version IAM reads the document as 2008-10-17, ` +
        `where ${variable} is plain text, not a variable; add "Version": "${CURRENT_VERSION}" to the document`,
    );
  }
  const brace = text.indexOf("{");
  const spacing = /^\s*/.exec(text.slice(brace + 1))![0];
  return `${text.slice(0, brace + 1)}${spacing}"Version": "${CURRENT_VERSION}",${text.slice(brace + 1)}`;
}

/**
 * The one gate every policy document passes before it is sent (and all iam-policylint does): only
 * characters IAM accepts (tab, LF, CR and U+0020 to U+00FF), strict JSON (the error names line and
 * column), a Version (added where that keeps the meaning), the size limit of the target entity and
 * a valid policy structure; any error stops the command with every finding listed. Then lint
 * warnings, unless the target says --no-lint. Returns the text to send: as written, but for an
 * added Version. With --no-validate nothing is checked: IAM's answer decides.
 */
export async function checkPolicyDocument(
  ctx: Pick<Context, "warn">,
  text: string,
  source: string,
  target: PolicyTarget,
): Promise<string> {
  if (target.validate === false) return text;
  const bad = /[^\t\n\r\x20-\xff]/.exec(text);
  if (bad) {
    const { line, column } = lineAndColumn(text, bad.index);
    const hint = plainText(text) !== text ? ` (typographic quotes or dashes? use plain ASCII " ' -)` : "";
    const code = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
    throw new UsageError(`${source} line ${line}, column ${column}: character U+${code} is not allowed in a policy${hint}`);
  }
  const written = await parseDocument(text, source);
  const sent = withVersion(text, written, source);
  // Findings are located in the text as the user wrote it, so their line numbers match the file.
  const document = sent === text ? written : JSON.parse(sent);
  const size = checkPolicySize(sent, target.entity);
  const errors = [...(size ? [size] : []), ...validatePolicy(document, kindOf(target.entity))];
  if (errors.length > 0) throw new UsageError(await locate(text, source, errors));
  if (sent !== text) {
    ctx.warn(`${source} has no Version; "Version": "${CURRENT_VERSION}" is added before it is sent (the same meaning without policy variables)`);
  }
  if (target.lint !== false) {
    const warnings = lintPolicy(document, { entity: target.entity, name: target.name });
    for (const line of await locate(text, source, warnings)) ctx.warn(line);
  }
  return sent;
}

/** The -e/-a/-r document (with the command's --no-lint and --no-validate), checked like any other before it is sent. */
export function generatedPolicy(
  ctx: Pick<Context, "warn">,
  { effect, action, resource, lint, validate }: { effect: string; action: string[]; resource: string[] } & PolicyChecks,
  target: Omit<PolicyTarget, keyof PolicyChecks>,
): Promise<string> {
  return checkPolicyDocument(ctx, buildSimplePolicy(effect, action, resource), GENERATED, { ...target, lint, validate });
}
