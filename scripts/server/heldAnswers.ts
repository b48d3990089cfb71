// Every answer Next writes passes here, and one of three things happens to it:
// - a compressible one (a page, a feed, a sitemap, JSON) is held whole and compressed by the one
//   compressor (encodedDocuments.ts); a page loses Next's client runtime, never its fixed CSP;
// - an immutable photo is held too, then kept in memory (immutableMedia.ts);
// - anything else (other images, cards, fonts, HEAD, 204, 304) streams through untouched.
import type { IncomingMessage, OutgoingHttpHeader, ServerResponse } from 'node:http';
import compressible from 'compressible';
import { ifNoneMatchNames } from '../../lib/http/entityTags.ts';
import { SERVED_BY_HEADER, servedByNext } from '../../lib/http/servedBy.ts';
import type { EncodedDocuments } from './encodedDocuments.ts';
import type { ImmutableMedia } from './immutableMedia.ts';

// Past this (a sitemap is at most 50 MB), an answer streams as it comes, uncompressed.
const MAX_HELD_BYTES = 64 * 1024 * 1024;

// Whether a shared cache may keep this answer: cached pages say s-maxage, feeds public. A page
// only public (a search) is one of countless URLs: kept, they would push the cached pages out.
const isSharedCacheable = (cacheControl: unknown, page: boolean) =>
  (page ? /\bs-maxage=/i : /\b(s-maxage=|public\b)/i).test(String(cacheControl)) && !/\b(private|no-store)\b/i.test(String(cacheControl));

/** Node's writeHead takes headers as an object, a flat [name, value, …] list or a list of pairs. */
const headerPairs = (headers: unknown): unknown[][] =>
  !Array.isArray(headers) ? Object.entries(headers ?? {}) : Array.isArray(headers[0]) ? headers : Array.from({ length: headers.length / 2 }, (_, i) => headers.slice(2 * i, 2 * i + 2));

// Node's own overloads cannot be reassigned as they are: plain functions, put back on release.
type Methods = Record<'writeHead' | 'write' | 'end' | 'flushHeaders', (...args: unknown[]) => unknown>;
const toBuffer = (chunk: unknown, encoding: unknown) => (typeof chunk === 'string' ? Buffer.from(chunk, (typeof encoding === 'string' ? encoding : 'utf8') as BufferEncoding) : Buffer.from(chunk as Uint8Array));

export function holdAnswer(request: IncomingMessage, response: ServerResponse, { documents, media, maxHeldBytes = MAX_HELD_BYTES }: { documents: EncodedDocuments; media?: ImmutableMedia; maxHeldBytes?: number }): void {
  const methods = response as unknown as Methods;
  const original: Methods = { writeHead: methods.writeHead, write: methods.write, end: methods.end, flushHeaders: methods.flushHeaders };
  const keep = media?.keeper(request);
  let held: Buffer[] | undefined;
  let heldBytes = 0;
  let limit = maxHeldBytes;
  let decided: 'compress' | 'keep' | 'pass' | undefined;

  const restore = () => Object.assign(response, original);
  // Next sets its headers before the first byte: that is when an answer's kind is known.
  const decide = () => {
    if (decided) return decided;
    const type = String(response.getHeader('content-type') ?? '');
    if (request.method === 'HEAD' || response.statusCode === 204 || response.statusCode === 304 || response.hasHeader('content-encoding')) decided = 'pass';
    else if (compressible(type)) decided = 'compress';
    else if (keep && response.statusCode === 200) [decided, limit] = ['keep', media!.maxEntryBytes];
    else decided = 'pass';
    // A route that knows its layer said so (a photo from the disk cache, a card from memory).
    if (!response.hasHeader(SERVED_BY_HEADER)) response.setHeader(SERVED_BY_HEADER, servedByNext(response.getHeader('x-nextjs-cache')));
    if (decided === 'pass') restore();
    else held = [];
    return decided;
  };

  methods.writeHead = (statusCode, reason, headers) => {
    if (typeof reason !== 'string') [reason, headers] = [undefined, reason];
    response.statusCode = Number(statusCode);
    if (reason) response.statusMessage = String(reason);
    for (const [name, value] of headerPairs(headers)) if (value !== undefined) response.setHeader(String(name), value as OutgoingHttpHeader);
    // Node calls writeHead itself on the first write; while holding, that moment is ours.
    return decide() === 'pass' ? response.writeHead(response.statusCode) : response;
  };
  methods.flushHeaders = () => (decide() === 'pass' ? response.flushHeaders() : undefined);
  methods.write = (chunk, encoding, callback) => {
    if (decide() === 'pass' || !held) return response.write(chunk as string, encoding as BufferEncoding, callback as () => void);
    const buffer = toBuffer(chunk, encoding);
    held.push(buffer);
    // Past the limit, what was held goes out as it is, and the rest as it comes.
    if ((heldBytes += buffer.length) > limit) {
      const chunks = held;
      [decided, held] = ['pass', undefined];
      restore();
      for (const bytes of chunks) response.write(bytes);
    }
    if (typeof (callback ?? encoding) === 'function') process.nextTick((callback ?? encoding) as () => void);
    return true;
  };
  methods.end = (chunk, encoding, callback) => {
    if (typeof chunk === 'function') [callback, chunk] = [chunk, undefined];
    if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined];
    if (decide() === 'pass' || !held) return response.end(chunk as string, encoding as BufferEncoding, callback as () => void);
    const body = Buffer.concat(chunk === undefined || chunk === null ? held : [...held, toBuffer(chunk, encoding)]);
    restore();
    if (decided === 'keep') {
      keep!(response, body);
      return response.end(body, callback as () => void);
    }
    const page = String(response.getHeader('content-type')).startsWith('text/html');
    const shared = isSharedCacheable(response.getHeader('cache-control'), page);
    documents.documentFor(body, request.headers['accept-encoding'], { shared, transform: page }).then((sent) => {
      const vary = String(response.getHeader('vary') ?? '');
      if (!/\baccept-encoding\b/i.test(vary)) response.setHeader('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
      if (sent.etag && response.statusCode === 200) {
        response.setHeader('etag', sent.etag);
        // The reader has this very answer: 304, no body (RFC 9110: weak comparison for If-None-Match).
        if (ifNoneMatchNames(request.headers['if-none-match'], sent.etag)) {
          response.statusCode = 304;
          response.removeHeader('content-length');
          return response.end(callback as () => void);
        }
      }
      if (sent.encoding !== 'identity') response.setHeader('content-encoding', sent.encoding);
      response.setHeader('content-length', sent.bytes.length);
      response.end(sent.bytes, callback as () => void);
    }, (error: Error) => response.destroy(error));
    return response;
  };
}
