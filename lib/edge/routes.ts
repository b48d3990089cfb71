import { isLocale, type Locale } from '../../i18n/routing';
import { listingPage, type Listing } from '../content/listings';
import { findPublicStory } from '../content/queries';
import { sectionName } from '../content/taxonomy';
import type { LoadedContent } from '../content/types';
import type { Visibility } from '../content/visibility';
import { parsePageParam } from '../pagination';
import { liveStoryRequest } from './liveStoryRequest';

/**
 * Every route the site has, declared once: the proxy (proxy.ts) asks this table which paths exist
 * (a 404 before rendering), and tests/routeTable.test.ts checks it against the app/ tree, so a
 * route added in app/ and not here (or the other way round) fails the tests instead of answering
 * 404. Patterns are written as app/ writes its folders: `[slug]` is one segment.
 */

export interface RouteQuestion {
  locale: Locale;
  /** The pattern's `[name]` segments, by name. */
  params: Record<string, string>;
  searchParams: URLSearchParams;
  content: LoadedContent;
  visibility: Visibility;
}

export interface LocalizedRoute {
  /** Below `/{locale}`: '' is the front page. */
  pattern: string;
  /** Whether this URL names something that exists (a route with no test always exists). */
  exists?: (question: RouteQuestion) => boolean;
  /** The listing this route shows (front, archive, a section, a tag): its `?page=N` is rewritten. */
  listing?: (params: Record<string, string>) => Listing;
  /**
   * Rendered only where the proxy rewrites to it (a later listing page, `?page=N` →
   * `/page/N`): asked for directly, it is a 404, so each listing page has one public address.
   */
  rewriteTarget?: true;
  /**
   * A route handler (route.ts), not a page: the proxy passes it straight on, without next-intl,
   * which would only add a language cookie to every feed, card and live poll (nothing to localize).
   */
  handler?: true;
}

const pageParam = ({ searchParams }: RouteQuestion) => {
  const pages = searchParams.getAll('page');
  return pages.length > 1 ? pages : pages[0];
};
/** A listing route: it exists while the page asked for (`?page=`) is one of its pages. */
const listed = (listing: (params: Record<string, string>) => Listing): Pick<LocalizedRoute, 'exists' | 'listing'> => ({
  listing,
  exists: (question) => listingPage(question.content, question.locale, listing(question.params), pageParam(question), question.visibility) !== undefined,
});
const storyExists = ({ content, params, visibility }: RouteQuestion) => findPublicStory(content, params.slug!, visibility) !== undefined;
const liveStoryExists = ({ content, params, visibility }: RouteQuestion) => findPublicStory(content, params.slug!, visibility)?.live !== undefined;
/** A story, and for a live story's `?page=` and `?update=`, a page and an update it has. */
const storyPageExists = ({ content, params, visibility, locale, searchParams }: RouteQuestion) =>
  liveStoryRequest(locale, params.slug!, searchParams, content, visibility).kind !== 'missing';

/** app/[locale]/…: pages and route handlers in every language. */
export const LOCALIZED_ROUTES: readonly LocalizedRoute[] = [
  { pattern: '', ...listed(() => ({ kind: 'front' })) },
  { pattern: 'page/[page]', rewriteTarget: true },
  { pattern: 'archive', ...listed(() => ({ kind: 'archive' })) },
  { pattern: 'archive/page/[page]', rewriteTarget: true },
  // Search renders any query (none found is a page too); only a `?page=` that is not a page is a 404.
  { pattern: 'search', exists: (question) => parsePageParam(pageParam(question)) !== undefined },
  { pattern: 'feed.xml', handler: true },
  { pattern: 'atom.xml', handler: true },
  { pattern: 'opengraph-image', handler: true },
  { pattern: 'opensearch.xml', handler: true },
  { pattern: 'news/[slug]', exists: storyPageExists },
  { pattern: 'news/[slug]/page/[page]', rewriteTarget: true },
  { pattern: 'news/[slug]/updates', exists: liveStoryExists, handler: true },
  { pattern: 'news/[slug]/feed.xml', exists: liveStoryExists, handler: true },
  { pattern: 'news/[slug]/opengraph-image', exists: storyExists, handler: true },
  { pattern: 'section/[section]', ...listed((params) => ({ kind: 'section', slug: params.section! })) },
  { pattern: 'section/[section]/page/[page]', rewriteTarget: true },
  { pattern: 'section/[section]/feed.xml', exists: ({ content, params, locale }) => sectionName(content.taxonomy, params.section!, locale) !== undefined, handler: true },
  { pattern: 'tag/[tag]', ...listed((params) => ({ kind: 'tag', slug: params.tag! })) },
  { pattern: 'tag/[tag]/page/[page]', rewriteTarget: true },
];

/**
 * app/…, outside the languages: route handlers (they answer their own 404s) and the files Next
 * serves from app/ (robots.ts is /robots.txt, icon.svg is /icon.svg).
 */
export const UNLOCALIZED_ROUTES: readonly string[] = [
  'api/health',
  'api/revalidate',
  'api/views',
  'media/[slug]/[file]',
  'sitemaps/[name]',
  'sitemap.xml',
  'news-sitemap.xml',
  'robots.txt',
  'icon.svg',
];

/** Files in public/, served at the root by Next (tests/routeTable.test.ts lists the folder). */
export const PUBLIC_FILES: readonly string[] = ['logo.png', 'view-beacon.js', 'live-updates.js'];

/** The first path segments that are not a language: where the proxy does not localize. */
export const UNLOCALIZED_PREFIXES: ReadonlySet<string> = new Set([...UNLOCALIZED_ROUTES.filter((route) => route.includes('/')).map((route) => route.split('/')[0]!), '_next']);

/**
 * The files served at the root (`/{name}.{ext}`). Any other (what scanners ask for all day:
 * /wp-login.php, /xmlrpc.php) is answered by the site's own localized 404, not Next's bare error
 * document.
 */
export const ROOT_FILES: ReadonlySet<string> = new Set([...UNLOCALIZED_ROUTES.filter((route) => !route.includes('/')), ...PUBLIC_FILES]);

function match(pattern: string, segments: string[]): Record<string, string> | undefined {
  const parts = pattern === '' ? [] : pattern.split('/');
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of parts.entries()) {
    const dynamic = /^\[(\w+)\]$/.exec(part);
    if (dynamic) params[dynamic[1]!] = segments[i]!;
    else if (part !== segments[i]) return undefined;
  }
  return params;
}

/**
 * Whether a localized URL names something that exists. The proxy asks this before routing so a
 * missing story, section, tag or page is answered by the server-rendered not-found page (a page
 * calling notFound() gets a 404 whose HTML is empty until hydration: vercel/next.js#62228).
 * The pages keep their own notFound() checks; this only decides which path renders the 404.
 */
export function routeExists(pathname: string, searchParams: URLSearchParams, content: LoadedContent, visibility: Visibility): boolean {
  const found = localizedRouteAt(pathname);
  if (!found || found.route.rewriteTarget) return false;
  return found.route.exists?.({ ...found, searchParams, content, visibility }) ?? true;
}

/** The localized route a path names, with its language and its `[name]` segments. */
export function localizedRouteAt(pathname: string): { route: LocalizedRoute; locale: Locale; params: Record<string, string> } | undefined {
  const [locale, ...segments] = pathname.split('/').filter(Boolean);
  if (!locale || !isLocale(locale)) return undefined;
  for (const route of LOCALIZED_ROUTES) {
    const params = match(route.pattern, segments);
    if (params) return { route, locale, params };
  }
  return undefined;
}
