// Compression for every response, done here rather than by Next (next.config.ts: compress: false):
// Next compresses inside its handler, below anything this server wraps around the response, so
// the page transform (heldDocuments.ts) would see gzip bytes. Here it wraps from outside: Next
// writes HTML, the page is transformed, then the bytes are compressed.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Duplex } from 'node:stream';
import compression from 'compression';

const middleware = compression();
const noop = () => {};

export function compressResponse(request: IncomingMessage, response: ServerResponse): void {
  middleware(request, response, noop);
  // A client that disconnects mid-response leaves the zlib stream open past GC; the middleware
  // hands its stream back from on('drain'), which lets us end it (as Next does for its own).
  response.once('close', () => {
    if (response.writableFinished) return;
    const stream: unknown = response.on('drain', noop);
    if (stream === response || !(stream instanceof Duplex)) {
      response.off('drain', noop);
      return;
    }
    stream.destroy();
  });
}
