import { QUERY_LIMITS } from './query';


/** The path as a header value, or undefined where it would not be a valid one (headers are ASCII). */
export function notFoundPathHeader(pathname: string): string | undefined {
  return /^[\x20-\x7e]{1,1024}$/.test(pathname) ? pathname : undefined;
}

// Segments that name a kind of page, not what the reader was looking for.
const ROUTE_WORDS = new Set(['news', 'section', 'tag', 'archive', 'search', 'page', 'index', 'amp']);
const LOCALE_LIKE = /^[a-z]{2}(?:[-_][a-z]{2,4})?$/i;
const EXTENSION = /\.(?:html?|php|aspx?|jsp|xml|json|txt)$/i;

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Words a reader was probably after, from a path that was not found:
 * `/ru/news/azerbaydzhan-gaz` → "azerbaydzhan gaz". Empty when the path says nothing.
 */
export function queryFromPath(pathname: string): string {
  const segments = pathname.split('/').filter(Boolean).map(decode);
  if (segments[0] && LOCALE_LIKE.test(segments[0])) segments.shift();
  const words = segments
    .filter((segment) => !ROUTE_WORDS.has(segment.toLowerCase()))
    .map((segment) => segment.replace(EXTENSION, ''))
    .flatMap((segment) => segment.split(/[^\p{L}\p{N}]+/u))
    .filter(Boolean)
    .slice(0, QUERY_LIMITS.terms);
  return Array.from(words.join(' ')).slice(0, QUERY_LIMITS.chars).join('').trim();
}
