import { isLocale } from '../i18n/routing';
import { listingPage, type Listing } from './content/listings';
import type { LoadedContent } from './content/load';
import { findPublicStory } from './content/queries';
import type { Visibility } from './content/visibility';

/**
 * Whether a localized URL names something that exists. The proxy asks this before routing so a
 * missing story, section, tag or page is answered by the server-rendered not-found page (a page
 * calling notFound() gets a 404 whose HTML is empty until hydration: vercel/next.js#62228).
 * The pages keep their own notFound() checks; this only decides which path renders the 404.
 */
export function routeExists(
  pathname: string,
  searchParams: URLSearchParams,
  content: LoadedContent,
  visibility: Visibility,
): boolean {
  const [locale, ...rest] = pathname.split('/').filter(Boolean);
  if (!locale || !isLocale(locale)) return false;
  const page = searchParams.getAll('page');
  const pageParam = page.length > 1 ? page : page[0];
  const listing = (l: Listing) => listingPage(content, locale, l, pageParam, visibility) !== undefined;
  const [first, second, third, ...more] = rest;
  if (more.length > 0) return false;
  if (first === undefined) return listing({ kind: 'front' });
  if (first === 'archive' && second === undefined) return listing({ kind: 'archive' });
  if (first === 'news' && second !== undefined && third === undefined) {
    return findPublicStory(content, second, visibility) !== undefined;
  }
  if (first === 'section' && second !== undefined && third === undefined) return listing({ kind: 'section', slug: second });
  if (first === 'tag' && second !== undefined && third === undefined) return listing({ kind: 'tag', slug: second });
  return false;
}
