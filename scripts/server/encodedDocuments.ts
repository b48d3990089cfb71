// The one compressor of every answer the server sends (heldAnswers.ts holds them whole): the
// encoding a client takes, the encoders, and each answer a shared cache may keep, transformed and
// encoded once, kept by content: brotli on a 160 KB page costs more than the rest of its request.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import Negotiator from 'negotiator';

const MAX_CACHED_BYTES = 32 * 1024 * 1024;
// Below this, compression gains less than its header costs.
const MIN_COMPRESSED_BYTES = 1024;

export type Encoding = 'br' | 'gzip' | 'identity';
const ENCODINGS: Encoding[] = ['br', 'gzip', 'identity'];

/** Which encoding a client takes, by its Accept-Encoding (negotiator): brotli, then gzip, else none. */
export function preferredEncoding(acceptEncoding: string | string[] | undefined): Encoding {
  const chosen = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } }).encoding(ENCODINGS, { preferred: ENCODINGS });
  return (chosen as Encoding | undefined) ?? 'identity';
}

// Pages and feeds (tens of KB, a few ms) are compressed at once: on libuv's threads, the hop and
// the queue cost story pages 30% of their p99 under load. Megabytes (a child sitemap) go there.
const ON_THREADS_ABOVE = 1024 * 1024;
function encode(body: Buffer, encoding: Encoding): Buffer | Promise<Buffer> {
  const params = { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length };
  if (encoding === 'identity') return body;
  if (body.length <= ON_THREADS_ABOVE) return encoding === 'br' ? brotliCompressSync(body, { params }) : gzipSync(body);
  return encoding === 'br' ? promisify(brotliCompress)(body, { params }) : promisify(gzip)(body);
}

export type EncodedDocuments = ReturnType<typeof createEncodedDocuments>;

export function createEncodedDocuments({ maxBytes = MAX_CACHED_BYTES, transform = (body: Buffer) => body } = {}) {
  // Bounded by the bytes of the encodings kept; an entry is set again whenever one is added, so
  // its size is counted anew. Only shared answers: random URLs cannot push the cached pages out.
  const documents = new LRUCache<string, { length: number; variants: Map<Encoding, Buffer> }>({
    maxSize: maxBytes,
    sizeCalculation: (entry) => Math.max(1, [...entry.variants.values()].reduce((sum, bytes) => sum + bytes.length, 0)),
  });

  /**
   * `shared`: a shared cache may keep the answer, so it is kept here too; `transform`: a page
   * (frameworkScripts.ts). A kept answer's `etag` is the hash it is kept by: weak, since its
   * encodings are different bytes of one answer.
   */
  async function documentFor(original: Buffer, acceptEncoding: string | string[] | undefined, { shared = true, transform: transforms = false } = {}): Promise<{ encoding: Encoding; bytes: Buffer; etag?: string }> {
    // Keyed by what Next sent, so a repeat runs neither the transform nor an encoder.
    const key = shared ? createHash('sha256').update(transforms ? 'html\0' : 'raw\0').update(original).digest('base64url') : undefined;
    const prepare = () => (transforms ? transform(original) : original);
    let body: Buffer | undefined;
    const entry = (key && documents.get(key)) || { length: (body = prepare()).length, variants: new Map<Encoding, Buffer>() };
    const encoding = entry.length >= MIN_COMPRESSED_BYTES ? preferredEncoding(acceptEncoding) : 'identity';
    let bytes = entry.variants.get(encoding);
    if (!bytes) {
      bytes = await encode(body ?? prepare(), encoding);
      // What Next sent, untransformed, costs nothing to send again: not counted.
      if (bytes !== original) entry.variants.set(encoding, bytes);
      if (key) documents.set(key, entry);
    }
    return { encoding, bytes, etag: key && `W/"${key}"` };
  }

  return { documentFor, cachedBytes: () => documents.calculatedSize, size: () => documents.size };
}
