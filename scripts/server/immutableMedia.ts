// Story photos answered from memory. Every /media URL names the photo's content hash (and the
// variant), so Next's answer to it never changes while the content that made the photo public
// stays the same; yet each one cost about 10 ms of CPU in Next's proxy and route handler, 15 to 20
// of them per page view, on the same cores as the reader's next page. This keeps the bytes of each
// immutable /media answer and sends them again without Next, bounded in total size (least recently
// used first out), and forgets them all whenever the content is loaded again: a photo whose story
// was unpublished or whose file was replaced is asked of Next again, which answers 404.

import type { IncomingMessage, OutgoingHttpHeader, ServerResponse } from 'node:http';
import { LRUCache } from 'lru-cache';
import { SERVED_BY_HEADER } from '../../lib/http/servedBy.ts';
import { type HeaderPair, headerPairs } from './headerPairs.ts';
import { type Chunk, type ResponseMethods, toBuffer } from './responseMethods.ts';

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
// One entry above this is not kept: the originals of large photos stream from Next as before.
const DEFAULT_MAX_ENTRY_BYTES = 1024 * 1024;
// Per connection or per answer, never to be replayed (the compression layer below decides the
// encoding of each answer anew).
const NOT_REPLAYED = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding']);

const isMediaRequest = (request: IncomingMessage) => (request.method === 'GET' || request.method === 'HEAD') && request.url?.startsWith('/media/') === true;
const isImmutable = (cacheControl: unknown) => /\bimmutable\b/i.test(String(cacheControl ?? ''));

interface Entry {
  headers: HeaderPair[];
  body: Buffer;
}

export interface ImmutableMedia {
  serve(request: IncomingMessage, response: ServerResponse): boolean;
  capture(request: IncomingMessage, response: ServerResponse): void;
  stats(): { entries: number; bytes: number };
}

/**
 * `generation`: the content served now, an object replaced on every load (undefined before the
 * first); an answer is replayed only while the content it was given under is still served.
 */
export function createImmutableMedia({
  generation,
  maxBytes = DEFAULT_MAX_BYTES,
  maxEntryBytes = DEFAULT_MAX_ENTRY_BYTES,
}: {
  generation: () => object | undefined;
  maxBytes?: number;
  maxEntryBytes?: number;
}): ImmutableMedia {
  /** Bounded by the bytes kept (lru-cache: least recently used out first; an entry over maxEntryBytes is never kept). */
  const entries = new LRUCache<string, Entry>({ maxSize: maxBytes, maxEntrySize: maxEntryBytes, sizeCalculation: (entry) => Math.max(1, entry.body.length) });
  // Every entry was given under this content; weakly held, so a replaced content is not kept alive.
  let keptGeneration: WeakRef<object> | undefined;

  /** The content served now, after forgetting every answer given under another. */
  const current = () => {
    const now = generation();
    if (now !== keptGeneration?.deref()) {
      entries.clear();
      keptGeneration = now === undefined ? undefined : new WeakRef(now);
    }
    return now;
  };

  function remember(url: string, given: object, entry: Entry) {
    if (given === current()) entries.set(url, entry);
  }

  return {
    /** Sends the kept answer for this request; false when there is none for the content served now. */
    serve(request, response) {
      if (!isMediaRequest(request) || current() === undefined) return false;
      const entry = entries.get(request.url!);
      if (!entry) return false;
      for (const [name, value] of entry.headers) response.setHeader(name, value as OutgoingHttpHeader);
      // Whatever layer first produced it (lib/http/servedBy.ts), these bytes come from memory now.
      response.setHeader(SERVED_BY_HEADER, 'memory');
      response.setHeader('content-length', entry.body.length);
      response.writeHead(200);
      response.end(request.method === 'HEAD' ? undefined : entry.body);
      return true;
    },

    /** Watches Next's answer to this request and keeps it if it is a whole, immutable 200. */
    capture(request, response) {
      if (request.method !== 'GET' || !isMediaRequest(request)) return;
      const url = request.url!;
      const given = generation();
      if (given === undefined) return;
      const methods = response as unknown as ResponseMethods;
      const original = { writeHead: methods.writeHead, write: methods.write, end: methods.end };
      const chunks: Buffer[] = [];
      let size = 0;
      let headHeaders: HeaderPair[] = [];
      const collect = (chunk: unknown, encoding: unknown) => {
        if (chunk === undefined || chunk === null || typeof chunk === 'function' || size > maxEntryBytes) return;
        const buffer = toBuffer(chunk as Chunk, encoding);
        size += buffer.length;
        if (size <= maxEntryBytes) chunks.push(buffer);
      };
      methods.writeHead = function writeHead(...args: unknown[]) {
        headHeaders = headerPairs(typeof args[1] === 'string' ? args[2] : args[1]);
        return original.writeHead.apply(response, args);
      };
      methods.write = function write(...args: unknown[]) {
        collect(args[0], args[1]);
        return original.write.apply(response, args);
      };
      methods.end = function end(...args: unknown[]) {
        collect(args[0], args[1]);
        Object.assign(response, original);
        const result = original.end.apply(response, args);
        if (response.statusCode === 200 && size <= maxEntryBytes && isImmutable(response.getHeader('cache-control') ?? valueOf(headHeaders, 'cache-control'))) {
          const headers = [...Object.entries(response.getHeaders()), ...headPairsOnly(headHeaders, response)];
          remember(url, given, { headers: headers.filter(([name]) => !NOT_REPLAYED.has(name.toLowerCase())), body: Buffer.concat(chunks) });
        }
        return result;
      };
    },

    /** For tests and the operations guide: what is kept now. */
    stats: () => ({ entries: entries.size, bytes: entries.calculatedSize }),
  };
}

const valueOf = (pairs: HeaderPair[], name: string) => pairs.find(([key]) => key.toLowerCase() === name)?.[1];
/** Headers given to writeHead that setHeader never saw (Node does not list those in getHeaders). */
const headPairsOnly = (pairs: HeaderPair[], response: ServerResponse) => pairs.filter(([name]) => !response.hasHeader(name));
