import type { AccessKeyLastUsed, AccessKeyMetadata, User } from "@aws-sdk/client-iam";
import type { IamClient } from "../core/operations.js";
import { ACCOUNT_WIDE_PAGE_SIZE, collect, items } from "./paginate.js";

/**
 * Access keys with their last use, read live (GetAccessKeyLastUsed) rather than from the
 * credential report, which IAM rebuilds at most every four hours.
 */

export type KeyWithLastUse = AccessKeyMetadata & { LastUsed?: AccessKeyLastUsed };

/** IAM reports a key never used as N/A service and region, without a date. */
const NOT_USED = "N/A";

/** `2026-03-01T10:00:00.000Z s3 eu-west-1`, or `never`. */
export function lastUseText(lastUsed: AccessKeyLastUsed | undefined): string {
  if (!lastUsed?.LastUsedDate) return "never";
  return [lastUsed.LastUsedDate.toISOString(), lastUsed.ServiceName ?? NOT_USED, lastUsed.Region ?? NOT_USED].join(" ");
}

export async function withLastUse(iam: IamClient<"GetAccessKeyLastUsed">, key: AccessKeyMetadata): Promise<KeyWithLastUse> {
  const { AccessKeyLastUsed: LastUsed } = await iam.getAccessKeyLastUsed({ AccessKeyId: key.AccessKeyId });
  return { ...key, LastUsed };
}

/**
 * Runs `work` on each item with up to `limit` in flight and yields the results in the source's
 * order, so the first lines print while later items are still being read.
 */
export async function* mapOrdered<T, R>(source: AsyncIterable<T>, limit: number, work: (item: T) => Promise<R>): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  const started = (item: T) => {
    const result = work(item);
    // Awaited in order below; a later failure must not count as unhandled meanwhile.
    result.catch(() => {});
    return result;
  };
  for await (const item of source) {
    pending.push(started(item));
    if (pending.length >= limit) yield await pending.shift()!;
  }
  while (pending.length > 0) yield await pending.shift()!;
}

export interface Limits {
  /** A key created more than this many days ago. */
  olderThan?: number;
  /** A key not used for more than this many days (a key never used counts from its creation). */
  unusedFor?: number;
}

export interface AuditedKey extends KeyWithLastUse {
  Findings: string[];
}

const DAY_MS = 86_400_000;
const daysSince = (date: Date | undefined, now: Date) => (date ? Math.floor((now.getTime() - date.getTime()) / DAY_MS) : undefined);

/** What is wrong with one key under the limits, one phrase each. */
export function keyFindings(key: KeyWithLastUse, { olderThan, unusedFor }: Limits, now: Date): string[] {
  const age = daysSince(key.CreateDate, now);
  const idle = daysSince(key.LastUsed?.LastUsedDate, now);
  const found: string[] = [];
  if (olderThan !== undefined && age !== undefined && age > olderThan) found.push(`created ${age} days ago`);
  if (unusedFor !== undefined) {
    if (idle !== undefined && idle > unusedFor) found.push(`last used ${idle} days ago`);
    if (idle === undefined && age !== undefined && age > unusedFor) found.push(`never used in ${age} days`);
  }
  return found;
}

/** How many users are read at once: each costs one ListAccessKeys and one GetAccessKeyLastUsed per key. */
const USERS_IN_FLIGHT = 8;

/** Every user's keys with their last use and findings, user by user in ListUsers' order. */
export async function* auditAccessKeys(iam: IamClient<"ListUsers" | "ListAccessKeys" | "GetAccessKeyLastUsed">, limits: Limits, now: Date, maxItems = ACCOUNT_WIDE_PAGE_SIZE): AsyncGenerator<AuditedKey> {
  const users = items((Marker, MaxItems) => iam.listUsers({ Marker, MaxItems }), (page) => page.Users, maxItems);
  const auditUser = async ({ UserName }: User) => {
    const keys = await collect((Marker) => iam.listAccessKeys({ UserName, Marker }), (page) => page.AccessKeyMetadata);
    const used = await Promise.all(keys.map((key) => withLastUse(iam, key)));
    return used.map((key) => ({ ...key, Findings: keyFindings(key, limits, now) }));
  };
  for await (const keys of mapOrdered(users, USERS_IN_FLIGHT, auditUser)) yield* keys;
}
