export type Encoding = 'br' | 'gzip' | 'identity';
export function preferredEncoding(acceptEncoding: string | string[] | undefined): Encoding;
export interface EncodedDocuments {
  /** A page (transformed, then compressed) or, with `transform: false`, a feed (only compressed). */
  documentFor(body: Buffer, acceptEncoding: string | string[] | undefined, options?: { shared?: boolean; transform?: boolean }): { encoding: Encoding; bytes: Buffer };
  cachedBytes(): number;
  size(): number;
}
export function createEncodedDocuments(options?: { maxBytes?: number; transform?: (body: Buffer) => Buffer }): EncodedDocuments;
