export type Encoding = 'br' | 'gzip' | 'identity';
export function preferredEncoding(acceptEncoding: string | string[] | undefined): Encoding;
export interface EncodedDocuments {
  documentFor(body: Buffer, policy: string, acceptEncoding: string | string[] | undefined, options?: { shared?: boolean }): { policy: string; encoding: Encoding; bytes: Buffer };
  cachedBytes(): number;
  size(): number;
}
export function createEncodedDocuments(options?: { maxBytes?: number; transform?: (body: Buffer) => Buffer }): EncodedDocuments;
