export interface Page<T> {
  items: T[];
  page: number;
  pageCount: number;
}

/**
 * `?page=N` as a reader or crawler may send it. Absent means page 1; anything that is not a
 * plain positive integer (0, -1, 1.5, "abc", "01", repeated) is not a page: the caller answers 404.
 */
export function parsePageParam(raw: string | string[] | undefined): number | undefined {
  if (raw === undefined) return 1;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,5}$/.test(raw)) return undefined;
  return Number(raw);
}

/** One page of a list, or undefined when the page is past the end (page 1 of nothing exists). */
export function paginate<T>(items: readonly T[], page: number, perPage: number): Page<T> | undefined {
  const pageCount = Math.max(1, Math.ceil(items.length / perPage));
  if (!Number.isInteger(page) || page < 1 || page > pageCount) return undefined;
  return { items: items.slice((page - 1) * perPage, page * perPage), page, pageCount };
}
