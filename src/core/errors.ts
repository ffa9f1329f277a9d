import { constants } from "node:os";
import { isNotImplementedAnswer } from "./not-implemented.js";
import { oneLine } from "../output/escape.js";
import { OutputError } from "../output/stdout.js";

/**
 * Error classes and the one mapping from any failure to an exit code and a one-line message.
 * Documented in README.md ("Exit codes"); keep the two in step.
 */

export const EXIT = {
  ok: 0,
  /** IAM answered with an error (NoSuchEntity, AccessDenied, ...). */
  service: 1,
  /** Bad command line or locally invalid input; nothing was sent. */
  usage: 2,
  /** Credentials or configuration could not be found or read. */
  config: 3,
  /** The endpoint could not be reached, did not answer in time, or did not answer like IAM. */
  unreachable: 4,
  /** Standard output could not take the result (disk full, closed, I/O error); a key it held was deleted. */
  output: 5,
} as const;

/**
 * Bad flags or input that can be checked before any request is sent. Usually one line; several
 * (every error found in a policy) each become a line of their own.
 */
export class UsageError extends Error {
  override name = "UsageError";
  readonly lines: string[];
  constructor(lines: string | string[]) {
    const all = typeof lines === "string" ? [lines] : lines;
    super(all.join("; "));
    this.lines = all;
  }
}

/** Credentials or configuration problems (missing or malformed credential file, bad endpoint variable). */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * A multi-step operation (recursive delete) failed part-way: `cause` is the failure, `report`
 * holds the lines that say what was done and what remains.
 */
export class PartialFailure extends Error {
  override name = "PartialFailure";
  constructor(
    readonly failure: unknown,
    readonly report: string[],
  ) {
    super(failure instanceof Error ? failure.message : String(failure));
  }
}

/**
 * An answer that is not IAM's: a 2xx whose body is not the XML document of the action (an HTML
 * page, JSON, empty, truncated, unparsable), or an error page that is not an IAM error document. It
 * carries the status (and the body as text) where the SDK's errors do, so that retries by status
 * and the "not implemented" recognition treat it like any other answer.
 */
export class NotIamAnswer extends Error {
  override name = "NotIamAnswer";
  readonly $metadata: { httpStatusCode: number; attempts?: number };
  readonly $response: { statusCode: number; headers: Record<string, string>; body: string };
  constructor(
    readonly status: number,
    readonly contentType: string,
    problem: string,
    headers: Record<string, string>,
    body: string,
  ) {
    super(problem);
    this.$metadata = { httpStatusCode: status };
    this.$response = { statusCode: status, headers, body };
  }
}

/** The whole command ran out of the time --timeout (or IAMKIT_TIMEOUT) gave it. */
export class DeadlineReached extends Error {
  override name = "DeadlineReached";
  constructor(
    readonly seconds: number,
    readonly source: string,
  ) {
    super(`${source} ${seconds} s reached`);
  }
}

/** SIGINT or SIGTERM arrived: no request was sent after it. Exits 128 + the signal's number, as shells report it. */
export class Interrupted extends Error {
  override name = "Interrupted";
  constructor(readonly signal: "SIGINT" | "SIGTERM") {
    super(`interrupted by ${signal}`);
  }
}

/** The IAM action a failed request was for; the attempt middleware in src/aws/client.ts sets it. */
export const ACTION = Symbol("iamkit action");

/** Set by the retry strategy (src/aws/retry.ts) when it refused to resend a create IAM may have made. */
export const NOT_RETRIED = Symbol("iamkit not retried");

/** Where the key that signed a failed request came from (src/cli/failure-context.ts sets it). */
export const SIGNED_WITH = Symbol("iamkit signed with");

/** What still holds on to an entity IAM refused to delete (src/cli/failure-context.ts sets it). */
export const REMAINS = Symbol("iamkit remains");

/** IAM's answers to a key it does not accept: the error then names where the key came from. */
const REFUSED_KEY = new Set(["InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken"]);

export interface Failure {
  code: number;
  lines: string[];
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
]);

const ALREADY_THERE = new Set(["EntityAlreadyExists", "DuplicateCertificate", "DuplicateSSHPublicKey"]);

interface ServiceErrorShape {
  name: string;
  message: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
  Code?: string;
}

function isServiceError(err: unknown): err is ServiceErrorShape {
  const meta = (err as ServiceErrorShape | undefined)?.$metadata;
  return typeof meta?.httpStatusCode === "number";
}

/** The IAM error code of an SDK service error, or undefined for anything else. */
export function serviceErrorCode(err: unknown): string | undefined {
  return isServiceError(err) ? err.Code ?? err.name : undefined;
}

function networkCode(err: unknown): string | undefined {
  for (let e = err as { code?: string; cause?: unknown; name?: string } | undefined; e; e = e.cause as typeof e) {
    // The SDK names resets and refusals TimeoutError too: the code says what happened.
    if (e.code && NETWORK_CODES.has(e.code)) return e.code;
    if (e.code === "ETIMEDOUT" || e.name === "TimeoutError") return "timed out";
  }
  return undefined;
}

/** Node's codes for a certificate it does not trust (openssl's verify errors, and the host name check). */
const UNTRUSTED_CERTIFICATE = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_UNTRUSTED",
  "CERT_REJECTED",
  "CERT_SIGNATURE_FAILURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

/**
 * TLS and HTTP failures that say the endpoint is the wrong one or misconfigured (no retry helps),
 * in plain words: an untrusted certificate, TLS spoken to a plain-HTTP port, an answer that is
 * not HTTP. Undefined for anything else.
 */
export function transportProblem(err: unknown, endpoint = "the endpoint"): string | undefined {
  for (let e = err as { code?: string; message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    const code = e.code ?? "";
    if (UNTRUSTED_CERTIFICATE.has(code)) {
      return (
        `the TLS certificate of ${endpoint} is not trusted (${firstLine(e.message ?? code)}); if your network uses its own ` +
        "certificate authority, name its PEM file in AWS_CA_BUNDLE or in the profile's ca_bundle"
      );
    }
    if (code === "EPROTO" || code.startsWith("ERR_SSL_")) {
      const reason = /wrong version number|packet length too long|http request/i.test(e.message ?? "")
        ? "the server does not speak TLS on that port; is it a plain http:// endpoint?"
        : firstLine(e.message ?? code).replace(/^.*SSL routines:[^:]*:/, "");
      return `the TLS handshake with ${endpoint} failed: ${reason}`;
    }
    if (code.startsWith("HPE_")) return `${endpoint} did not answer with HTTP (${code}: ${firstLine(e.message ?? "")})`;
  }
  return undefined;
}

const THROTTLING_CODES = new Set(["Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequestsException"]);

/** The request itself failed (throttled, a server error), as opposed to IAM refusing what it asked. */
function isFault(status: number | undefined, code: string): boolean {
  return status === 429 || (status ?? 0) >= 500 || THROTTLING_CODES.has(code);
}

/** Names the request that failed for good and how often it was sent: `; ListRoles failed after 5 attempts`. */
function requestNote(err: unknown): string {
  const e = err as { [ACTION]?: string; [NOT_RETRIED]?: boolean; $metadata?: { attempts?: number } };
  const action = e[ACTION];
  if (!action) return "";
  if (e[NOT_RETRIED]) return `; ${action} not retried: IAM may have acted on it`;
  const attempts = e.$metadata?.attempts ?? 1;
  return `; ${action} failed after ${attempts} attempt${attempts === 1 ? "" : "s"}`;
}

/** A service message can be multi-line (an HTML error page): keep the first meaningful line. */
function firstLine(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== "") ?? "";
  return line.trim().replace(/<[^>]+>/g, "");
}

/** Maps any thrown value to an exit code and the stderr lines for it. `prog` is e.g. `iam-usercreate`. */
export function toFailure(err: unknown, prog: string, endpoint?: string): Failure {
  if (err instanceof PartialFailure) {
    const inner = toFailure(err.failure, prog, endpoint);
    return { code: inner.code, lines: [...inner.lines, ...err.report.map((line) => `${prog}: ${line}`)] };
  }
  if (err instanceof Interrupted) {
    return { code: 128 + constants.signals[err.signal], lines: [`${prog}: ${err.message}; no further requests were sent`] };
  }
  if (err instanceof OutputError) return { code: EXIT.output, lines: [`${prog}: ${err.message}`] };
  if (err instanceof UsageError) return { code: EXIT.usage, lines: err.lines.map((line) => `${prog}: ${oneLine(line)}`) };
  if (err instanceof ConfigError) return { code: EXIT.config, lines: [`${prog}: ${oneLine(err.message)}`] };
  const name = (err as { name?: string } | undefined)?.name;
  if (name === "CredentialsProviderError") {
    return {
      code: EXIT.config,
      lines: [
        `${prog}: no AWS credentials found: use --aws-credential-file, AWS_CREDENTIAL_FILE, --profile or the standard AWS variables`,
      ],
    };
  }
  if (isNotImplementedAnswer(err)) {
    const status = (err as ServiceErrorShape).$metadata?.httpStatusCode;
    const action = (err as { [ACTION]?: string })[ACTION] ?? "this action";
    return {
      code: EXIT.service,
      lines: [`${prog}: error (HTTP ${status}): this endpoint does not implement ${action}`],
    };
  }
  if (err instanceof DeadlineReached) {
    const where = endpoint ? ` from ${endpoint}` : "";
    return { code: EXIT.unreachable, lines: [`${prog}: no answer${where} within ${err.source} ${err.seconds} s${requestNote(err)}`] };
  }
  if (err instanceof NotIamAnswer) {
    const type = err.contentType || "none";
    const line = `${endpoint ?? "the endpoint"} did not answer like IAM: HTTP ${err.status}, content type ${type}, ${err.message}`;
    return { code: EXIT.unreachable, lines: [`${prog}: ${oneLine(line)}${isFault(err.status, "") ? requestNote(err) : ""}`] };
  }
  const transport = transportProblem(err, endpoint);
  if (transport) return { code: EXIT.unreachable, lines: [`${prog}: ${oneLine(transport)}`] };
  if (isServiceError(err)) {
    const code = err.Code ?? err.name;
    const status = err.$metadata?.httpStatusCode;
    const message = firstLine(err.message || "") || `HTTP ${status}`;
    const attempts = err.$metadata?.attempts ?? 1;
    // A create retried after a lost answer meets its own earlier success.
    const hint =
      attempts > 1 && ALREADY_THERE.has(code)
        ? ` (sent ${attempts} times after transient failures: an earlier attempt may have succeeded)`
        : "";
    const note = isFault(status, code) ? requestNote(err) : "";
    const context = err as { [SIGNED_WITH]?: string; [REMAINS]?: string };
    const more = [
      ...(context[REMAINS] ? [context[REMAINS]] : []),
      ...(REFUSED_KEY.has(code) && context[SIGNED_WITH] ? [`the key used came from ${context[SIGNED_WITH]}`] : []),
    ];
    return { code: EXIT.service, lines: [`${prog}: error (${code}): ${message}${hint}${note}`, ...more.map((line) => `${prog}: ${oneLine(line)}`)] };
  }
  const net = networkCode(err);
  if (net) {
    const where = endpoint ? ` ${endpoint}` : "";
    return { code: EXIT.unreachable, lines: [`${prog}: cannot reach the IAM endpoint${where} (${net})${requestNote(err)}`] };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: EXIT.service, lines: [`${prog}: error: ${firstLine(message)}`] };
}
