export type Encoding = 'br' | 'gzip' | 'identity';
export function preferredEncoding(acceptEncoding: string | string[] | undefined): Encoding;
export interface EncodedDocuments {
  documentFor<P extends string | undefined>(body: Buffer, policy: P, acceptEncoding: string | string[] | undefined, options?: { shared?: boolean; scripts?: boolean }): { policy: P; encoding: Encoding; bytes: Buffer };
  cachedBytes(): number;
  size(): number;
}
export function createEncodedDocuments(options?: { maxBytes?: number; transform?: (body: Buffer) => Buffer }): EncodedDocuments;
