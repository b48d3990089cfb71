import type { Locale } from '../../i18n/routing';
import type { Listing } from '../content/listings';
import { listingRenderPath } from '../content/listingView';
import { parsePageParam } from '../pagination';
import { localizedRouteAt } from './routes';

/** The listing a localized path names, if it is one (the route table says which routes are). */
export function listingAt(pathname: string): { locale: Locale; listing: Listing } | undefined {
  const found = localizedRouteAt(pathname);
  return found?.route.listing ? { locale: found.locale, listing: found.route.listing(found.params) } : undefined;
}

/**
 * Where the proxy sends `/{listing}?page=N` (N ≥ 2) to be rendered: a path without the query, so
 * the page is cached like any other (a page that reads searchParams renders on every request).
 * Undefined when nothing needs rewriting (no page, page 1, or not a listing).
 */
export function listingRewrite(pathname: string, searchParams: URLSearchParams): string | undefined {
  if (!searchParams.has('page')) return undefined;
  const at = listingAt(pathname);
  const pages = searchParams.getAll('page');
  const page = parsePageParam(pages.length > 1 ? pages : pages[0]);
  if (!at || !page || page === 1) return undefined;
  return listingRenderPath(at.listing, at.locale, page);
}
