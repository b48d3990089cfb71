import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { isLocale, routing } from './i18n/routing';
import { getContent } from './lib/content/repository';
import { currentVisibility } from './lib/content/visibility';
import { NOT_FOUND_LOCALE_HEADER, NOT_FOUND_PATH_HEADER, withoutInternalHeaders } from './lib/http/internalHeaders';
import { negotiateLocale } from './lib/edge/negotiateLocale';
import { isHostilePath } from './lib/edge/requestPath';
import { listingRewrite } from './lib/edge/listingRewrite';
import { liveStoryRequest } from './lib/edge/liveStoryRequest';
import { localizedRouteAt, ROOT_FILES, routeExists, UNLOCALIZED_PREFIXES } from './lib/edge/routes';
import { SEARCH_CACHE_CONTROL, isSearchPath } from './lib/search/http';
import { notFoundPathHeader } from './lib/search/notFoundQuery';

const intl = createMiddleware(routing);

// A path no route matches: Next renders it with the root not-found page, fully on the server.
const NOT_FOUND_PATH = '/_not-found/page';

// A file at the root: /robots.txt, /icon.svg, and what scanners try (/wp-login.php).
const ROOT_FILE = /^\/([^/]+\.[a-z0-9]+)$/i;

function renderNotFound(request: NextRequest, locale: string) {
  const headers = withoutInternalHeaders(request.headers);
  headers.set(NOT_FOUND_LOCALE_HEADER, locale);
  // The 404 page offers a search pre-filled with the words of the address that was not found.
  const path = notFoundPathHeader(request.nextUrl.pathname);
  if (path) headers.set(NOT_FOUND_PATH_HEADER, path);
  return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { request: { headers } });
}

/** Straight on to Next, without next-intl, and without the site's own headers a client sent. */
function passOn(request: NextRequest) {
  return NextResponse.next({ request: { headers: withoutInternalHeaders(request.headers) } });
}

function negotiatedLocale(request: NextRequest) {
  return negotiateLocale(request.cookies.get('NEXT_LOCALE')?.value, request.headers.get('accept-language'));
}

export default async function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  if (isHostilePath(pathname)) {
    return new NextResponse('Bad request: malformed path\n', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const rootFile = ROOT_FILE.exec(pathname)?.[1];
  if (rootFile !== undefined && !ROOT_FILES.has(rootFile)) return renderNotFound(request, negotiatedLocale(request));
  // What a client sent as one of the site's own headers never reaches a render (a route handler's
  // 404 for /api/x or /media/x renders app/global-not-found.tsx, which reads them).
  // Not localized: route handlers, story media, child sitemaps, Next internals (lib/edge/routes.ts).
  if (UNLOCALIZED_PREFIXES.has(pathname.split('/')[1] ?? '') || rootFile !== undefined) return passOn(request);
  if (pathname === '/') return intl(request);

  const first = pathname.split('/')[1] ?? '';
  if (!isLocale(first)) {
    return renderNotFound(request, negotiatedLocale(request));
  }
  const content = await getContent();
  const visibility = currentVisibility();
  // A live story's permalinks and pages of updates (lib/edge/liveStoryRequest.ts): the answer also
  // says whether the page exists, the question the route table would ask it again.
  const route = localizedRouteAt(pathname);
  if (route?.route.pattern === 'news/[slug]' && (searchParams.has('page') || searchParams.has('update'))) {
    const answer = liveStoryRequest(first, route.params.slug!, searchParams, content, visibility);
    if (answer.kind === 'missing') return renderNotFound(request, first);
    // 307: where an update is changes as new ones arrive, so no cache may keep the answer.
    if (answer.kind === 'redirect') return NextResponse.redirect(new URL(answer.location, request.url), { status: 307, headers: { 'cache-control': 'no-store' } });
    if (answer.kind === 'rewrite') return NextResponse.rewrite(new URL(answer.path, request.url));
  } else if (!routeExists(pathname, searchParams, content, visibility)) {
    return renderNotFound(request, first);
  }
  if (route?.route.handler) return passOn(request);
  // A later page of a listing is rendered at a path of its own, so it is cached like page 1.
  const listingPagePath = listingRewrite(pathname, searchParams);
  if (listingPagePath) return NextResponse.rewrite(new URL(listingPagePath, request.url));
  const response = intl(request);
  if (isSearchPath(pathname)) response.headers.set('cache-control', SEARCH_CACHE_CONTROL);
  return response;
}

export const config = {
  // Everything but built static files, so malformed escapes in /api and dotted paths are caught too,
  // except exactly /api/views: for a path the proxy runs on, Next buffers the request body (up to
  // 10 MB) before the route reads it, and the beacon must cost at most its own 1 KB read.
  matcher: ['/((?!_next/static|api/views$).*)'],
};
