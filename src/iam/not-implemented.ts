/**
 * Some IAM-compatible endpoints (moto among them) answer an action they lack with HTTP 500 or 501
 * and an HTML page instead of an IAM error document. Real IAM always answers XML.
 */
export function isNotImplementedAnswer(err: unknown): boolean {
  const e = err as { $metadata?: { httpStatusCode?: number }; $response?: { body?: unknown } };
  const status = e.$metadata?.httpStatusCode;
  const body = e.$response?.body;
  return (status === 500 || status === 501) && typeof body === "string" && /<html/i.test(body);
}

/**
 * For listings in a recursive delete: an endpoint that does not implement the listing has nothing
 * of that kind to remove. Only that answer is forgiven; every other error still fails.
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
