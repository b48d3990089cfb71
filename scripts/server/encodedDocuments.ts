// The one compressor of every answer the server sends (heldAnswers.ts holds them whole): the
// encoding a client takes, the encoders, and the bytes of each answer a shared cache may keep,
// transformed and encoded once, kept by content: brotli on a 160 KB page costs more than
// everything else a cached page needs. Encoders run on libuv's threads, not the event loop.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import Negotiator from 'negotiator';

const MAX_CACHED_BYTES = 32 * 1024 * 1024;
// Below this, compression gains less than its header costs.
const MIN_COMPRESSED_BYTES = 1024;
const [brotli, gzipped] = [promisify(brotliCompress), promisify(gzip)];

export type Encoding = 'br' | 'gzip' | 'identity';
const ENCODINGS: Encoding[] = ['br', 'gzip', 'identity'];

/** Which encoding a client takes, by its Accept-Encoding (negotiator): brotli, then gzip, else none. */
export function preferredEncoding(acceptEncoding: string | string[] | undefined): Encoding {
  const chosen = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } }).encoding(ENCODINGS, { preferred: ENCODINGS });
  return (chosen as Encoding | undefined) ?? 'identity';
}

async function encode(body: Buffer, encoding: Encoding): Promise<Buffer> {
  if (encoding === 'br') return brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  return encoding === 'gzip' ? gzipped(body) : body;
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
