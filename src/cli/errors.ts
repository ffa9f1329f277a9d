import { isNotImplementedAnswer } from "../iam/not-implemented.js";

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
} as const;

/** Bad flags or input that can be checked before any request is sent. */
export class UsageError extends Error {
  override name = "UsageError";
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
    if (e.code === "ETIMEDOUT" || e.name === "TimeoutError") return "timed out";
    if (e.code && NETWORK_CODES.has(e.code)) return e.code;
  }
  return undefined;
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
  if (err instanceof UsageError) return { code: EXIT.usage, lines: [`${prog}: ${err.message}`] };
  if (err instanceof ConfigError) return { code: EXIT.config, lines: [`${prog}: ${err.message}`] };
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
    return { code: EXIT.service, lines: [`${prog}: error (${code}): ${message}${hint}`] };
  }
  const net = networkCode(err);
  if (net) {
    const where = endpoint ? ` ${endpoint}` : "";
    return { code: EXIT.unreachable, lines: [`${prog}: cannot reach the IAM endpoint${where} (${net})`] };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: EXIT.service, lines: [`${prog}: error: ${firstLine(message)}`] };
}
