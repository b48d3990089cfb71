/**
 * Result pages change only when content does: a minute in a shared cache spares the server
 * repeated popular queries, and a reader never waits long for a new story to be findable.
 */
export const SEARCH_CACHE_CONTROL = 'public, max-age=60';

/** `/{locale}/search`, the only path that gets SEARCH_CACHE_CONTROL. */
export function isSearchPath(pathname: string): boolean {
  return /^\/[^/]+\/search\/?$/.test(pathname);
}
