// The held documents (HTML pages, and RSS and Atom feeds), ready to send: each document's
// transformed and compressed bytes, kept by content. A cached page is the same bytes on every
// request, so it is transformed and compressed once, not per request (brotli on a 160 KB page
// costs the server more than everything else a cached page needs).
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import Negotiator from 'negotiator';

const MAX_CACHED_BYTES = 32 * 1024 * 1024;
// Below this, compression gains less than its header costs.
const MIN_COMPRESSED_BYTES = 1024;

export type Encoding = 'br' | 'gzip' | 'identity';
const ENCODINGS: Encoding[] = ['br', 'gzip', 'identity'];

/** Which encoding a client takes, by its Accept-Encoding (negotiator, as `compression` does): brotli, then gzip, else none. */
export function preferredEncoding(acceptEncoding: string | string[] | undefined): Encoding {
  const chosen = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } }).encoding(ENCODINGS, { preferred: ENCODINGS });
  return (chosen as Encoding | undefined) ?? 'identity';
}

function encode(body: Buffer, encoding: Encoding): Buffer {
  if (encoding === 'br') {
    return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  }
  return encoding === 'gzip' ? gzipSync(body) : body;
}

interface Entry {
  /** The length of the document as sent (after the transform), which decides on compression. */
  length: number;
  variants: Map<Encoding, Buffer>;
}

export interface SentDocument {
  encoding: Encoding;
  bytes: Buffer;
  /**
   * A weak validator of the document (the hash it is kept by), for a document that is kept:
   * weak, since its encodings are different bytes of the same page.
   */
  etag?: string;
}

export interface EncodedDocuments {
  /** A page (transformed, then compressed) or, with `transform: false`, a feed (only compressed). */
  documentFor(original: Buffer, acceptEncoding: string | string[] | undefined, options?: { shared?: boolean; transform?: boolean }): SentDocument;
  cachedBytes(): number;
  size(): number;
}

/**
 * `transform` rewrites each HTML document before it is compressed (server.mjs: without Next's
 * client runtime, frameworkScripts.ts); it runs once per distinct cached document. A document
 * with `transform: false` (a feed) is only compressed.
 */
export function createEncodedDocuments({ maxBytes = MAX_CACHED_BYTES, transform = (body: Buffer) => body } = {}): EncodedDocuments {
  // Bounded by the bytes of the variants kept, least recently used out first; an entry is set
  // again whenever a variant is added, so its size is counted anew.
  const documents = new LRUCache<string, Entry>({
    maxSize: maxBytes,
    sizeCalculation: (entry) => Math.max(1, [...entry.variants.values()].reduce((sum, bytes) => sum + bytes.length, 0)),
  });

  /**
   * Only a `shared` document (one a shared cache may keep: Next's cached pages) is kept; a page
   * rendered per request (a 404, a search) is transformed and compressed for this answer alone,
   * so random URLs cannot push the cached pages out.
   */
  function documentFor(original: Buffer, acceptEncoding: string | string[] | undefined, { shared = true, transform: transforms = true } = {}) {
    const prepare = transforms ? transform : (body: Buffer) => body;
    if (!shared) {
      const body = prepare(original);
      const encoding = body.length >= MIN_COMPRESSED_BYTES ? preferredEncoding(acceptEncoding) : 'identity';
      return { encoding, bytes: encode(body, encoding) };
    }
    // Keyed by what Next sent, so a repeat skips the transform too.
    const key = createHash('sha256').update(transforms ? 'html\0' : 'raw\0').update(original).digest('base64url');
    let entry = documents.get(key);
    // What is sent is kept per encoding (the transformed document too, for clients that take no
    // compression), so a repeat runs neither the transform nor an encoder.
    let body: Buffer | undefined;
    if (!entry) {
      body = prepare(original);
      entry = { length: body.length, variants: new Map() };
    }
    const encoding = entry.length >= MIN_COMPRESSED_BYTES ? preferredEncoding(acceptEncoding) : 'identity';
    let bytes = entry.variants.get(encoding);
    if (!bytes) {
      bytes = encode(body ?? prepare(original), encoding);
      // Kept unless it is what Next sent (identity, untransformed): that costs nothing to send again.
      if (bytes !== original) entry.variants.set(encoding, bytes);
      documents.set(key, entry);
    }
    return { encoding, bytes, etag: `W/"${key}"` };
  }

  return { documentFor, cachedBytes: () => documents.calculatedSize, size: () => documents.size };
}
