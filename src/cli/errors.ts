import { constants } from "node:os";
import { isNotImplementedAnswer } from "../iam/not-implemented.js";
import { oneLine } from "../output/escape.js";

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
  /** The endpoint could not be reached or did not answer in time. */
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

/** Standard output refused the result; `code` is the errno name (ENOSPC, EPIPE, EBADF, EIO, ...). */
export class OutputError extends Error {
  override name = "OutputError";
  constructor(
    readonly code: string,
    reason: string,
  ) {
    super(`cannot write to standard output: ${reason} (${code})`);
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
    return {
      code: EXIT.service,
      lines: [`${prog}: error (HTTP ${status}): the endpoint answered with a non-IAM page; it may not implement this action`],
    };
  }
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
    return { code: EXIT.service, lines: [`${prog}: error (${code}): ${message}${hint}${note}`] };
  }
  const net = networkCode(err);
  if (net) {
    const where = endpoint ? ` ${endpoint}` : "";
    return { code: EXIT.unreachable, lines: [`${prog}: cannot reach the IAM endpoint${where} (${net})${requestNote(err)}`] };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: EXIT.service, lines: [`${prog}: error: ${firstLine(message)}`] };
}
