// Holds back an HTML page until its last byte, then sends it without Next's client runtime
// (the `transform` of encodedDocuments.mjs, frameworkScripts.mjs), compressed here, each distinct
// page transformed and compressed once (encodedDocuments.mjs). Its Content-Security-Policy is the
// app's fixed one (next.config.ts) and is never rewritten: a policy says what the site ships, not
// what a response happens to contain.
// An RSS or Atom feed a shared cache may keep (200, public or s-maxage) is held the same way, only
// to be compressed once: streamed through the compression middleware, its ~100 KB took one
// event-loop turn per compressed chunk, and under load each turn is long (feeds answered 3.7×
// slower than pages). Anything else (JSON, images, sitemaps and other XML, static files) streams
// through untouched to the compression middleware: a sitemap is either uncached or, for the News
// sitemap, a new body every minute, and a child sitemap can be megabytes. Prerendered and cached
// pages come from Next in one piece anyway; a page rendered per request (404, search) loses only
// its streaming, which none of ours relies on.

import type { IncomingMessage, OutgoingHttpHeader, ServerResponse } from 'node:http';
import { ifNoneMatchNames } from '../../lib/http/entityTags.ts';
import { SERVED_BY_HEADER, servedByNext } from '../../lib/http/servedBy.ts';
import type { EncodedDocuments } from './encodedDocuments.ts';
import { headerPairs } from './headerPairs.ts';
import { type Chunk, type ResponseMethods, toBuffer } from './responseMethods.ts';

// A document larger than this streams as it comes, untransformed (Next's runtime stays in it, and
// the fixed policy refuses its inline scripts; the page is complete without them).
const MAX_HELD_BYTES = 4 * 1024 * 1024;

/** Whether a shared cache may keep this answer: Next's cached pages say s-maxage, feeds public. */
function isSharedCacheable(cacheControl: unknown, { publicIsEnough = false } = {}): boolean {
  const value = String(cacheControl ?? '').toLowerCase();
  const kept = /\bs-maxage=/.test(value) || (publicIsEnough && /\bpublic\b/.test(value));
  return kept && !/\b(private|no-store)\b/.test(value);
}

const FEED_TYPE = /^application\/(rss|atom)\+xml\s*(;|$)/i;

function appendVary(response: ServerResponse, field: string): void {
  const vary = String(response.getHeader('vary') ?? '');
  if (!vary.split(',').some((name) => name.trim().toLowerCase() === field.toLowerCase())) {
    response.setHeader('vary', vary ? `${vary}, ${field}` : field);
  }
}

export function holdDocuments(request: IncomingMessage, response: ServerResponse, documents: EncodedDocuments, { maxHeldBytes = MAX_HELD_BYTES }: { maxHeldBytes?: number } = {}): void {
  const methods = response as unknown as ResponseMethods;
  const original: ResponseMethods = { writeHead: methods.writeHead, write: methods.write, end: methods.end, flushHeaders: methods.flushHeaders };
  let mode: 'hold' | 'pass' | undefined;
  /** What is held: a page (transformed and compressed) or a feed (only compressed). */
  let kind: 'page' | 'feed' | undefined;
  let held: Buffer[] = [];
  let heldBytes = 0;

  const decide = () => {
    if (mode) return mode;
    const type = String(response.getHeader('content-type') ?? '');
    const bodyless = request.method === 'HEAD' || response.statusCode === 204 || response.statusCode === 304;
    const encoded = response.getHeader('content-encoding') !== undefined;
    if (type.startsWith('text/html')) kind = 'page';
    else if (FEED_TYPE.test(type) && response.statusCode === 200 && isSharedCacheable(response.getHeader('cache-control'), { publicIsEnough: true })) kind = 'feed';
    mode = kind && !bodyless && !encoded ? 'hold' : 'pass';
    // A route that knows its layer said so (a photo from the disk cache, a card from memory);
    // Next keeps a header already set, so the default is only filled in here, at the last moment.
    if (mode === 'pass' && !response.hasHeader(SERVED_BY_HEADER)) response.setHeader(SERVED_BY_HEADER, 'render');
    return mode;
  };
  const restore = () => Object.assign(response, original);
  // Sends what was held as it is.
  const release = () => {
    restore();
    const chunks = held;
    held = [];
    for (const chunk of chunks) response.write(chunk);
  };

  methods.writeHead = function writeHead(statusCode: unknown, reason?: unknown, headers?: unknown) {
    if (typeof reason !== 'string') [reason, headers] = [undefined, reason];
    response.statusCode = Number(statusCode);
    if (reason) response.statusMessage = String(reason);
    for (const [name, value] of headerPairs(headers)) response.setHeader(name, value as OutgoingHttpHeader);
    // Node calls writeHead itself on the first write; while holding, that moment is ours.
    if (decide() === 'pass') {
      restore();
      return response.writeHead(response.statusCode);
    }
    return response;
  };
  methods.flushHeaders = function flushHeaders() {
    if (decide() === 'pass') {
      restore();
      response.flushHeaders();
    }
  };
  methods.write = function write(chunk: unknown, encoding?: unknown, callback?: unknown) {
    if (decide() === 'pass') {
      restore();
      return methods.write(chunk, encoding, callback);
    }
    if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined];
    const buffer = toBuffer(chunk as Chunk, encoding);
    held.push(buffer);
    heldBytes += buffer.length;
    if (heldBytes > maxHeldBytes) release();
    if (typeof callback === 'function') process.nextTick(callback as () => void);
    return true;
  };
  methods.end = function end(chunk?: unknown, encoding?: unknown, callback?: unknown) {
    if (typeof chunk === 'function') [callback, chunk] = [chunk, undefined];
    if (typeof encoding === 'function') [callback, encoding] = [encoding, undefined];
    if (decide() === 'pass') {
      restore();
      return methods.end(chunk, encoding, callback);
    }
    if (chunk !== undefined && chunk !== null) held.push(toBuffer(chunk as Chunk, encoding));
    const body = Buffer.concat(held);
    held = [];
    restore();
    response.setHeader(SERVED_BY_HEADER, servedByNext(response.getHeader('x-nextjs-cache')));
    const sent = documents.documentFor(body, request.headers['accept-encoding'], {
      shared: kind === 'feed' || isSharedCacheable(response.getHeader('cache-control')),
      transform: kind === 'page',
    });
    appendVary(response, 'Accept-Encoding');
    if (sent.etag && response.statusCode === 200) {
      response.setHeader('etag', sent.etag);
      // The reader has this very page: 304, no body (RFC 9110: weak comparison for If-None-Match).
      if (ifNoneMatchNames(request.headers['if-none-match'], sent.etag)) {
        response.statusCode = 304;
        response.removeHeader('content-length');
        return methods.end(undefined, callback);
      }
    }
    // The compression middleware leaves an answer alone once it carries Content-Encoding.
    if (sent.encoding !== 'identity') response.setHeader('content-encoding', sent.encoding);
    response.setHeader('content-length', sent.bytes.length);
    return methods.end(sent.bytes, callback);
  };
}
