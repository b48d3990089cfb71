export type Encoding = 'br' | 'gzip' | 'identity';
export function preferredEncoding(acceptEncoding: string | string[] | undefined): Encoding;
export interface EncodedDocuments {
  /** A page: its policy comes back with the hashes of its inline scripts. */
  documentFor(body: Buffer, policy: string, acceptEncoding: string | string[] | undefined, options?: { shared?: boolean; scripts?: true }): { policy: string; encoding: Encoding; bytes: Buffer };
  /** A feed: only compressed. */
  documentFor(body: Buffer, policy: undefined, acceptEncoding: string | string[] | undefined, options: { shared?: boolean; scripts: false }): { policy: undefined; encoding: Encoding; bytes: Buffer };
  cachedBytes(): number;
  size(): number;
}
export function createEncodedDocuments(options?: { maxBytes?: number; transform?: (body: Buffer) => Buffer }): EncodedDocuments;
