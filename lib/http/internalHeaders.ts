// Request headers the site's own layers use to talk to each other. A client never sets them: the
// first layer a request meets removes every one (scripts/server.mjs, then proxy.ts for whatever
// reaches Next another way), so an `x-not-found-locale` or `x-not-found-path` a client sends can
// neither choose the 404's language nor put its words into the 404's search box (which nginx would
// then cache for every reader). Self-contained, no imports, erasable TypeScript only: Node runs
// this file directly for the launcher (type stripping), and the app bundles it.

/** The proxy tells app/global-not-found.tsx which language to render. */
export const NOT_FOUND_LOCALE_HEADER = 'x-not-found-locale';
/** The proxy tells app/global-not-found.tsx which path was not found. */
export const NOT_FOUND_PATH_HEADER = 'x-not-found-path';

/** Every header above: removed from each incoming request before anything reads it. */
export const INTERNAL_REQUEST_HEADERS: readonly string[] = [NOT_FOUND_LOCALE_HEADER, NOT_FOUND_PATH_HEADER];

/** A copy of `headers` without any internal header. */
export function withoutInternalHeaders(headers: Headers): Headers {
  const own = new Headers(headers);
  for (const name of INTERNAL_REQUEST_HEADERS) own.delete(name);
  return own;
}

/** Removes every internal header from a Node request's header object (lower-case names). */
export function deleteInternalHeaders(headers: Record<string, unknown>): void {
  for (const name of INTERNAL_REQUEST_HEADERS) delete headers[name];
}
