import { UsageError } from "../core/errors.js";

/**
 * IAM's rules for names and paths (IAM API reference, "Limitations on IAM entities"). The test
 * server checks none of them, and real IAM answers a bare ValidationError, so iamkit checks them
 * before sending anything and says exactly what is wrong.
 */

const NAME_CHARS = /^[\w+=,.@-]+$/;

export type EntityKind = "user" | "group" | "policy" | "role" | "instance profile" | "server certificate";

const MAX_NAME_LENGTH: Record<EntityKind, number> = {
  user: 64,
  group: 128,
  policy: 128,
  role: 64,
  "instance profile": 128,
  "server certificate": 128,
};

export function checkName(kind: EntityKind, value: string): string {
  const max = MAX_NAME_LENGTH[kind];
  if (value.length === 0 || value.length > max) {
    throw new UsageError(`invalid ${kind} name "${value}": must be 1 to ${max} characters`);
  }
  if (!NAME_CHARS.test(value)) {
    throw new UsageError(
      `invalid ${kind} name "${value}": use only letters, digits and + = , . @ _ -`,
    );
  }
  return value;
}

/**
 * A path is `/` or `/segments/`. A path that lacks only its closing slash (`-p /app`, as IAM's own
 * 2011 announcement typed it) is completed with a warning rather than refused.
 */
export function checkPath(value: string, warn: (message: string) => void): string {
  let path = value;
  if (!path.startsWith("/")) throw new UsageError(`invalid path "${value}": must begin and end with /`);
  if (!path.endsWith("/")) {
    path += "/";
    warn(`path "${value}" does not end with /; using "${path}"`);
  }
  if (path.length > 512) throw new UsageError(`invalid path "${value}": longer than 512 characters`);
  if (!/^\/([\x21-\x7e]*\/)?$/.test(path)) {
    throw new UsageError(`invalid path "${value}": only printable ASCII characters without spaces are allowed`);
  }
  return path;
}

/** Access key ids: 16 to 128 word characters (IAM API reference). */
export function checkAccessKeyId(value: string): string {
  if (!/^\w{16,128}$/.test(value)) {
    throw new UsageError(`invalid access key id "${value}": expected 16 to 128 letters and digits`);
  }
  return value;
}

/** Signing certificate ids: 24 to 128 word characters. */
export function checkCertificateId(value: string): string {
  if (!/^\w{24,128}$/.test(value)) {
    throw new UsageError(`invalid certificate id "${value}": expected 24 to 128 letters and digits`);
  }
  return value;
}

/** Account aliases: 3 to 63 lowercase letters, digits and single inner hyphens. */
export function checkAccountAlias(value: string): string {
  if (!/^[a-z0-9](?:[a-z0-9]|-(?!-)){1,61}[a-z0-9]$/.test(value)) {
    throw new UsageError(
      `invalid account alias "${value}": use 3 to 63 lowercase letters, digits and single hyphens, not at either end`,
    );
  }
  if (/^\d{12}$/.test(value)) throw new UsageError(`invalid account alias "${value}": cannot be a 12-digit number`);
  return value;
}

/** A managed policy ARN: arn:<partition>:iam::<account or aws>:policy/<path><name>. */
export function checkPolicyArn(value: string): string {
  if (!/^arn:aws[\w-]*:iam::(\d{12}|aws):policy\/([\x21-\x7e]*\/)?[\w+=,.@-]{1,128}$/.test(value)) {
    throw new UsageError(`invalid policy ARN "${value}": expected arn:aws:iam::<account>:policy/<name>`);
  }
  return value;
}
