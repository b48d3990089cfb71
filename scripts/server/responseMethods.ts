// The ServerResponse methods the wrappers around Next's answers replace (heldDocuments.ts,
// immutableMedia.ts), typed as plain functions: Node's own overloads cannot be reassigned as they
// are. Each wrapper keeps the originals and puts them back when it lets an answer through.

export interface ResponseMethods {
  writeHead: (...args: unknown[]) => unknown;
  write: (...args: unknown[]) => boolean;
  end: (...args: unknown[]) => unknown;
  flushHeaders: () => void;
}

export type Chunk = string | Uint8Array;

/** A chunk given to write or end, as bytes. */
export function toBuffer(chunk: Chunk, encoding: unknown): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.from(chunk);
}
