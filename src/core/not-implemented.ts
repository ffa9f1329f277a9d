/**
 * How endpoints say "I do not implement this action". IAM itself answers an unknown action with
 * InvalidAction (400); other IAM-compatible clouds (Eucalyptus and the like) implement subsets and
 * say so with HTTP 501 or a code of their own; emulators such as moto answer an action they lack
 * with an HTML error page (HTTP 500) instead of an IAM error document.
 */
const NOT_IMPLEMENTED_CODES = new Set([
  "InvalidAction",
  "NotImplemented",
  "UnknownOperation",
  "UnknownOperationException",
  "UnsupportedOperation",
]);

interface AnswerShape {
  name?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { body?: unknown };
}

/** Whether an error is an endpoint's way of saying it does not implement the action at all. */
export function isNotImplementedAnswer(err: unknown): boolean {
  const e = err as AnswerShape | undefined;
  const status = e?.$metadata?.httpStatusCode;
  if (status === undefined) return false;
  if (status === 501) return true;
  if (NOT_IMPLEMENTED_CODES.has(e?.Code ?? e?.name ?? "")) return true;
  const body = e?.$response?.body;
  return status === 500 && typeof body === "string" && /<html/i.test(body);
}

/**
 * For listings in a recursive delete: an endpoint that does not implement the listing has nothing
 * of that kind to remove (and if it had, the final delete would still be refused). Only that answer
 * is forgiven; every other error still fails. Says so on the debug channel, one line per listing.
 */
export async function emptyIfNotImplemented<T>(
  listing: Promise<T[]>,
  action: string,
  debug: (message: string) => void,
): Promise<T[]> {
  try {
    return await listing;
  } catch (err) {
    if (!isNotImplementedAnswer(err)) throw err;
    debug(`${action} is not implemented by this endpoint; treating it as nothing to remove`);
    return [];
  }
}
