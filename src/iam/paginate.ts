/** The fields every paginated IAM list response carries. */
export interface Page {
  IsTruncated?: boolean;
  Marker?: string;
}

/** Fetches one page: from `marker` (undefined for the first), with up to `maxItems` items when given. */
export type FetchPage<P extends Page> = (marker: string | undefined, maxItems: number | undefined) => Promise<P>;

/** IAM's largest page (its own default is 100 items). */
export const MAX_PAGE_SIZE = 1000;

/**
 * The page size of account-wide listings (every user, role, policy...) when -i is not given: the
 * largest, so 5,000 roles cost 5 round trips rather than 50.
 */
export const ACCOUNT_WIDE_PAGE_SIZE = MAX_PAGE_SIZE;

/**
 * A paginated IAM list as a lazy sequence: the next page is requested only when the items of the
 * previous one have been consumed, so a listing prints its first line as soon as the first page
 * arrives and holds one page in memory at a time. A page that fails fails the sequence.
 * `maxItems` is the page size asked of IAM (IAM's default when undefined); every page is fetched.
 */
export async function* items<P extends Page, T>(
  fetchPage: FetchPage<P>,
  pick: (page: P) => T[] | undefined,
  maxItems?: number,
): AsyncGenerator<T> {
  let marker: string | undefined;
  do {
    const page = await fetchPage(marker, maxItems);
    yield* pick(page) ?? [];
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
}

/** Drains a paginated IAM list into one array: a partial list is never presented as complete. */
export async function collect<P extends Page, T>(fetchPage: FetchPage<P>, pick: (page: P) => T[] | undefined, maxItems?: number): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items(fetchPage, pick, maxItems)) all.push(item);
  return all;
}
