// Which layer produced an answer's bytes, on every answer of `npm start` as `x-served-by`, beside
// nginx's X-Cache-Status: an operator (and a test) sees where a page, a photo or a card came from
// without reading the code. docs/request-path.md lists the layers. Erasable TypeScript with no
// imports: the launcher (scripts/server.mjs) runs it directly too.

export const SERVED_BY_HEADER = 'x-served-by';

/**
 * - `memory`: the server's own memory in front of Next (a photo sent before) or a route's memory
 *   (a card drawn before);
 * - `next-cache`: Next's page cache (a prerendered or cached page, feed or sitemap);
 * - `media-cache`: a resized photo or a card read from DATA_DIR, encoded or drawn before (also a
 *   stand-in sent while the encoder or the renderer is full);
 * - `render`: made for this request (a page rendered, a photo encoded or read, a card drawn).
 */
export type ServedBy = 'memory' | 'next-cache' | 'media-cache' | 'render';

/** Next's own cache header (`x-nextjs-cache: HIT | STALE | MISS`) as a layer. */
export function servedByNext(nextCache: unknown): ServedBy {
  const value = String(nextCache ?? '').toUpperCase();
  return value === 'HIT' || value === 'STALE' ? 'next-cache' : 'render';
}
