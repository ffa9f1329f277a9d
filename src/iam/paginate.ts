/** The fields every paginated IAM list response carries. */
export interface Page {
  IsTruncated?: boolean;
  Marker?: string;
}

/**
 * Drains a paginated IAM list into one array, following Marker until IsTruncated is false. A page
 * that fails fails the whole list: a partial list is never presented as complete.
 */
export async function collect<P extends Page, T>(
  fetchPage: (marker: string | undefined) => Promise<P>,
  pick: (page: P) => T[] | undefined,
): Promise<T[]> {
  const items: T[] = [];
  let marker: string | undefined;
  do {
    const page = await fetchPage(marker);
    items.push(...(pick(page) ?? []));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return items;
}
