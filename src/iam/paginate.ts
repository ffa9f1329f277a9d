/** The fields every paginated IAM list response carries. */
export interface Page {
  IsTruncated?: boolean;
  Marker?: string;
}

/**
 * A paginated IAM list as a lazy sequence: the next page is requested only when the items of the
 * previous one have been consumed, so a listing prints its first line as soon as the first page
 * arrives and holds one page in memory at a time. A page that fails fails the sequence.
 */
export async function* items<P extends Page, T>(
  fetchPage: (marker: string | undefined) => Promise<P>,
  pick: (page: P) => T[] | undefined,
): AsyncGenerator<T> {
  let marker: string | undefined;
  do {
    const page = await fetchPage(marker);
    yield* pick(page) ?? [];
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
}

/** Drains a paginated IAM list into one array: a partial list is never presented as complete. */
export async function collect<P extends Page, T>(
  fetchPage: (marker: string | undefined) => Promise<P>,
  pick: (page: P) => T[] | undefined,
): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items(fetchPage, pick)) all.push(item);
  return all;
}
