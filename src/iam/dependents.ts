import { PartialFailure, serviceErrorCode } from "../core/errors.js";
import { SETTLED_BY, pauseBeforeResend } from "../aws/propagation.js";

/**
 * A recursive delete: lists the entity's dependents, removes them and the entity. When IAM
 * refuses the final delete (DeleteConflict) while something this machine created may still be
 * missing from IAM's listings (SETTLED_BY), it lists and removes again, with backoff, until the
 * delete succeeds or that time passes; the failure is then reported as it came. Returns each
 * listing's dependents, in order.
 */
export async function deleteWithDependents<A>(find: () => Promise<A>, remove: (found: A) => Promise<void>): Promise<A[]> {
  const listings: A[] = [];
  for (let n = 1; ; n++) {
    const found = await find();
    listings.push(found);
    try {
      await remove(found);
      return listings;
    } catch (err) {
      const failure = err instanceof PartialFailure ? err.failure : err;
      const settledBy = (failure as { [SETTLED_BY]?: number } | undefined)?.[SETTLED_BY];
      if (serviceErrorCode(failure) !== "DeleteConflict" || settledBy === undefined || settledBy <= Date.now()) throw err;
      await pauseBeforeResend(n, settledBy - Date.now());
    }
  }
}

/** Several listings of dependents as one: lists joined, flags set when any listing set them. */
export function combined<A extends object>(listings: A[]): A {
  const [first, ...later] = listings;
  const merged = { ...first } as Record<string, unknown>;
  for (const listing of later) {
    for (const [name, value] of Object.entries(listing)) {
      merged[name] = Array.isArray(value) ? [...(merged[name] as unknown[]), ...value] : merged[name] || value;
    }
  }
  return merged as A;
}
