import type { IAM } from "@aws-sdk/client-iam";
import type { STS } from "@aws-sdk/client-sts";
import { NotIamAnswer } from "../core/errors.js";

/** The first element of an XML document, after the declaration and comments; undefined when it does not start like XML. */
function rootElement(text: string): string | undefined {
  return /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<([A-Za-z_][\w.:-]*)/.exec(text)?.[1];
}

/** What the body is, in a few words, for an answer that is not the document expected. */
function describe(text: string): string {
  if (text.trim() === "") return "an empty body";
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim().slice(0, 80);
  if (/^\s*(<!doctype html|<html)/i.test(text)) return title ? `an HTML page "${title}"` : "an HTML page";
  const root = rootElement(text);
  return root ? `a <${root}> document` : "text that is not XML";
}

/** Roots of the error documents the SDK's Query protocol parser reads (IAM's, and the EC2 style some clouds send). */
const ERROR_ROOTS = new Set(["ErrorResponse", "Response"]);

/**
 * Why an answer is not what IAM sends for `action`, or undefined when it is. A success must be
 * the `<ActionResponse>` document, whole (IAM closes the root element last); an error must be an
 * error document the SDK can read a code from. The body decides, not the content type, which
 * emulators and IAM-compatible clouds do not always set right (moto labels some errors
 * text/html); the content type is reported. The SDK's own parsers return an empty result for an
 * empty body, which would make a wrong --url look like success.
 */
function problemWith(action: string, status: number, text: string): string | undefined {
  // Proxy Authentication Required: only a proxy sends it, for the CONNECT or the forwarded request.
  if (status === 407) return "the proxy wants credentials: give them in its URL, http://user:password@host:port";
  const root = rootElement(text);
  if (status >= 200 && status < 300) {
    const expected = `${action}Response`;
    if (root !== expected) return `expected <${expected}>, got ${describe(text)}`;
    if (!new RegExp(`</${expected}>\\s*$`).test(text)) return `expected <${expected}>, got a truncated document`;
    return undefined;
  }
  return root && ERROR_ROOTS.has(root) ? undefined : `expected an IAM error document, got ${describe(text)}`;
}

/** Header names in lower case, values as one string, for the error's copy of the response. */
function plainHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), String(value)]));
}

/**
 * Checks every attempt's raw answer before the SDK parses it (the body is already read in full
 * by the deadline handler). Runs inside the retry loop: an error page with a 5xx status is
 * retried like any other 5xx.
 */
export function checkIamAnswers(client: IAM | STS): void {
  const stack = client.middlewareStack as IAM["middlewareStack"];
  stack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const response = result.response as { statusCode: number; headers: Record<string, string>; body: Uint8Array };
      const action = String(context.commandName ?? "").replace(/Command$/, "");
      const headers = plainHeaders(response.headers);
      const contentType = headers["content-type"] ?? "";
      const text = Buffer.from(response.body ?? []).toString("utf8");
      const problem = problemWith(action, response.statusCode, text);
      if (problem) throw new NotIamAnswer(response.statusCode, contentType, problem, headers, text);
      return result;
    },
    // After the deserializer in the same step, so closer to the wire: it sees the raw response.
    { step: "deserialize", name: "iamkitAnswerCheck", priority: "low" },
  );
}

/** The SDK's parse failure (it has a response but no IAM fault) as a NotIamAnswer; undefined for anything else. */
export function unparsable(err: unknown): NotIamAnswer | undefined {
  const e = err as { $fault?: string; $response?: { statusCode: number; headers: Record<string, string>; body: unknown } };
  if (err instanceof NotIamAnswer || !e?.$response || e.$fault) return undefined;
  const headers = plainHeaders(e.$response.headers ?? {});
  const body = e.$response.body;
  const text = typeof body === "string" ? body : body instanceof Uint8Array ? Buffer.from(body).toString("utf8") : "";
  return new NotIamAnswer(e.$response.statusCode, headers["content-type"] ?? "", "XML that does not parse", headers, text);
}
