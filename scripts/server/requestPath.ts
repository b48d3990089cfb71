// The launcher's request path, one stage after another (docs/request-path.md draws it, with
// nginx in front and Next behind). scripts/server.mjs runs it; tests import it, never rebuild it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { deleteInternalHeaders } from '../../lib/http/internalHeaders.ts';
import type { Lifecycle } from '../../lib/lifecycle.ts';
import type { EncodedDocuments } from './encodedDocuments.ts';
import { holdAnswer } from './heldAnswers.ts';
import type { ImmutableMedia } from './immutableMedia.ts';

// Longer request targets are refused before Next sees them: its path normalisation answers some
// with a 308 that repeats the target in two headers, past what HTTP clients accept.
export const MAX_URL_LENGTH = 2048;

export interface RequestPathParts {
  handle: (request: IncomingMessage, response: ServerResponse) => unknown;
  documents: EncodedDocuments;
  /** Photos kept in memory; undefined with MEDIA_MEMORY_MB=0. */
  media: ImmutableMedia | undefined;
  lifecycle: Lifecycle;
  /** Answers under way, for draining. */
  inFlight: Set<ServerResponse>;
  /** Past this, an answer streams as it comes (heldAnswers.ts; tests make it small). */
  maxHeldBytes?: number;
}

/** 1. A request target too long for Next's redirects: 414, before anything else runs. */
function refuseLongTarget(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.url!.length <= MAX_URL_LENGTH) return false;
  response.writeHead(414, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
  response.end(`URI too long: at most ${MAX_URL_LENGTH} characters\n`);
  return true;
}

/** 2. The first layer: the site's own headers never come from a client; the peer is the socket's. */
function ownHeadersOnly(request: IncomingMessage): void {
  deleteInternalHeaders(request.headers);
  request.headers['x-peer-address'] = request.socket.remoteAddress ?? '';
}

/** 3. Draining: every answer closes its connection, so kept-alive proxies stop sending here. */
function track(response: ServerResponse, { lifecycle, inFlight }: RequestPathParts): void {
  if (lifecycle.state === 'draining') response.shouldKeepAlive = false;
  inFlight.add(response);
  response.on('close', () => inFlight.delete(response));
}

export function createRequestPath(parts: RequestPathParts) {
  return function answer(request: IncomingMessage, response: ServerResponse): void {
    if (refuseLongTarget(request, response)) return;
    ownHeadersOnly(request);
    track(response, parts);
    // 4. Photos answered before: from memory, Next never sees them.
    if (parts.media?.serve(request, response)) return;
    // 5. Every answer held or passed, compressed by one compressor (heldAnswers.ts).
    holdAnswer(request, response, parts);
    // 6. Next: proxy.ts, its page cache, the route.
    parts.handle(request, response);
  };
}
