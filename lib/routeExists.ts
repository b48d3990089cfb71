import { isLocale } from '../i18n/routing';
import { listingPage, type Listing } from './content/listings';
import type { LoadedContent } from './content/types';
import { findPublicStory } from './content/queries';
import { sectionName } from './content/taxonomy';
import type { Visibility } from './content/visibility';
import { parsePageParam } from './pagination';

/**
 * The files served at the root of the site: app/'s file routes (robots.ts → robots.txt, the
 * sitemaps, the icon) and public/. Any other `/{name}.{ext}` (what scanners ask for all day:
 * /wp-login.php, /xmlrpc.php, /.env) is answered by the site's own localized 404, not Next's bare
 * error document. tests/rootFiles.test.ts checks this list against app/ and public/.
 */
export const ROOT_FILES: ReadonlySet<string> = new Set(['robots.txt', 'sitemap.xml', 'news-sitemap.xml', 'icon.svg', 'logo.png', 'view-beacon.js']);

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
  if (second === undefined) {
    if (first === 'archive') return listing({ kind: 'archive' });
    // Search renders any query (none found is a page too); only a `?page=` that is not a page is a 404.
    if (first === 'search') return parsePageParam(pageParam) !== undefined;
    return first === 'feed.xml' || first === 'atom.xml' || first === 'opengraph-image' || first === 'opensearch.xml';
  }
  if (first === 'news') {
    const story = findPublicStory(content, second, visibility) !== undefined;
    return story && (third === undefined || third === 'opengraph-image');
  }
  if (first === 'section') {
    if (third === 'feed.xml') return sectionName(content.taxonomy, second, locale) !== undefined;
    return third === undefined && listing({ kind: 'section', slug: second });
  }
  if (first === 'tag' && third === undefined) return listing({ kind: 'tag', slug: second });
  return false;
}
