// Story photos answered from memory. A /media URL names the photo's content hash, so Next's
// answer to it never changes while the content that made the photo public stays the same; yet
// each cost about 10 ms of CPU in Next's proxy and route, 15 to 20 per page view. So the bytes of
// each immutable answer are kept (heldAnswers.ts hands them over) and sent again without Next,
// until the content is loaded again: a photo since unpublished or replaced is asked of Next anew.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { LRUCache } from 'lru-cache';
import { SERVED_BY_HEADER } from '../../lib/http/servedBy.ts';

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
// A larger answer (the original of a large photo) streams from Next every time.
const DEFAULT_MAX_ENTRY_BYTES = 1024 * 1024;
// Per connection, never replayed.
const NOT_REPLAYED = ['date', 'connection', 'keep-alive', 'transfer-encoding'];

const isMediaRequest = (request: IncomingMessage, methods: string[]) => methods.includes(request.method!) && request.url!.startsWith('/media/');

export type ImmutableMedia = ReturnType<typeof createImmutableMedia>;

/** `generation`: the content served now, a new object on every load (undefined before the first). */
export function createImmutableMedia({ generation, maxBytes = DEFAULT_MAX_BYTES, maxEntryBytes = DEFAULT_MAX_ENTRY_BYTES }: { generation: () => object | undefined; maxBytes?: number; maxEntryBytes?: number }) {
  const entries = new LRUCache<string, { headers: OutgoingHttpHeaders; body: Buffer }>({ maxSize: maxBytes, maxEntrySize: maxEntryBytes, sizeCalculation: (entry) => Math.max(1, entry.body.length) });
  // Weakly held, so a replaced content is not kept alive by this.
  let keptGeneration: WeakRef<object> | undefined;
  /** The content served now, after forgetting every answer given under another. */
  const current = () => {
    const now = generation();
    if (now !== keptGeneration?.deref()) {
      entries.clear();
      keptGeneration = now && new WeakRef(now);
    }
    return now;
  };

  return {
    /** Sends the kept answer for this request; false when there is none for the content served now. */
    serve(request: IncomingMessage, response: ServerResponse): boolean {
      const entry = isMediaRequest(request, ['GET', 'HEAD']) && current() !== undefined ? entries.get(request.url!) : undefined;
      if (!entry) return false;
      // Whatever layer first produced it (lib/http/servedBy.ts), these bytes come from memory now.
      response.writeHead(200, { ...entry.headers, [SERVED_BY_HEADER]: 'memory', 'content-length': entry.body.length });
      response.end(request.method === 'HEAD' ? undefined : entry.body);
      return true;
    },

    /** For a photo request: keeps Next's answer if it is an immutable 200 given under the content served now. */
    keeper(request: IncomingMessage): ((response: ServerResponse, body: Buffer) => void) | undefined {
      const given = isMediaRequest(request, ['GET']) ? generation() : undefined;
      if (given === undefined) return undefined;
      return (response: ServerResponse, body: Buffer) => {
        if (response.statusCode !== 200 || !/\bimmutable\b/i.test(String(response.getHeader('cache-control'))) || given !== current()) return;
        const headers = response.getHeaders();
        for (const name of NOT_REPLAYED) delete headers[name];
        entries.set(request.url!, { headers, body });
      };
    },

    maxEntryBytes,
    stats: () => ({ entries: entries.size, bytes: entries.calculatedSize }),
  };
}
