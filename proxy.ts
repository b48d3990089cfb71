import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { isLocale, routing } from './i18n/routing';
import { getContent } from './lib/content/repository';
import { currentVisibility } from './lib/content/visibility';
import { negotiateLocale, NOT_FOUND_LOCALE_HEADER } from './lib/negotiateLocale';
import { isHostilePath } from './lib/requestPath';
import { routeExists } from './lib/routeExists';

const intl = createMiddleware(routing);

// A path no route matches: Next renders it with the root not-found page, fully on the server.
const NOT_FOUND_PATH = '/_not-found/page';

// Paths that are not localized pages: route handlers, story media, Next internals, files.
const UNLOCALIZED = /^\/(?:api|media|_next)(?:\/|$)|^\/[^/]+\.[a-z0-9]+$/i;

function renderNotFound(request: NextRequest, locale: string) {
  const headers = new Headers(request.headers);
  headers.set(NOT_FOUND_LOCALE_HEADER, locale);
  return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { request: { headers } });
}

export default async function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  if (isHostilePath(pathname)) {
    return new NextResponse('Bad request: malformed path\n', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  if (UNLOCALIZED.test(pathname)) return NextResponse.next();
  if (pathname === '/') return intl(request);

  const first = pathname.split('/')[1] ?? '';
  if (!isLocale(first)) {
    return renderNotFound(request, negotiateLocale(request.cookies.get('NEXT_LOCALE')?.value, request.headers.get('accept-language')));
  }
  if (!routeExists(pathname, searchParams, await getContent(), currentVisibility())) {
    return renderNotFound(request, first);
  }
  return intl(request);
}

export const config = {
  // Everything but built static files, so malformed escapes in /api and dotted paths are caught too.
  matcher: ['/((?!_next/static).*)'],
};
