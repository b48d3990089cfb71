import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEncodedDocuments } from './encodedDocuments.ts';
import { createImmutableMedia } from './immutableMedia.ts';
import { createRequestPath } from './requestPath.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

const PHOTO = Buffer.from('photo bytes '.repeat(100));

/**
 * The launcher's request path (requestPath.ts) around a handler that answers like the media route
 * (status and headers set, then the body in two writes) and counts the requests it got.
 */
async function serve(options: { maxBytes?: number; maxEntryBytes?: number; answer?: (url: string, response: ServerResponse) => void } = {}) {
  const state = { content: {} as object | undefined, handled: 0 };
  const media = createImmutableMedia({ generation: () => state.content, maxBytes: options.maxBytes, maxEntryBytes: options.maxEntryBytes });
  const documents = createEncodedDocuments();
  const answer =
    options.answer ??
    ((url: string, response: ServerResponse) => {
      if (url.includes('gone')) {
        response.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
        response.end('Not found\n');
        return;
      }
      response.statusCode = 200;
      response.setHeader('content-type', 'image/webp');
      response.setHeader('cache-control', 'public, max-age=31536000, immutable');
      response.setHeader('x-frame-options', 'DENY');
      response.write(PHOTO.subarray(0, 10));
      response.end(PHOTO.subarray(10));
    });
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    state.handled += 1;
    answer(request.url!, response);
  };
  server = createServer(createRequestPath({ handle, documents, media, lifecycle: { state: 'ready', since: 0 }, inFlight: new Set() }));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, state, media };
}

function get(url: string, method = 'GET') {
  return new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
    httpRequest(url, { method }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

const PATH = '/media/story/photo.jpg?v=abc&w=160&f=webp';

describe('createImmutableMedia', () => {
  it('answers a repeated photo from memory: the same status, headers and bytes, without the handler', async () => {
    const { origin, state } = await serve();
    const first = await get(origin + PATH);
    const again = await get(origin + PATH);
    expect(state.handled).toBe(1);
    expect(again.status).toBe(200);
    expect(again.body.equals(PHOTO)).toBe(true);
    expect(first.body.equals(PHOTO)).toBe(true);
    for (const name of ['content-type', 'cache-control', 'x-frame-options']) expect(again.headers[name], name).toBe(first.headers[name]);
    expect(again.headers['content-length']).toBe(String(PHOTO.length));
    const head = await get(origin + PATH, 'HEAD');
    expect([head.status, head.headers['content-length'], head.body.length, state.handled]).toEqual([200, String(PHOTO.length), 0, 1]);
  });

  it('asks the handler again once the content is another (a replaced photo or unpublished story answers 404 there)', async () => {
    const { origin, state } = await serve();
    await get(origin + PATH);
    state.content = {};
    await get(origin + PATH);
    expect(state.handled).toBe(2);
    await get(origin + PATH);
    expect(state.handled).toBe(2);
  });

  it('keeps nothing before the content is loaded, nor an answer given under content since replaced', async () => {
    const { origin, state } = await serve({
      answer: (_url, response) => {
        // The content is replaced while this answer is being written.
        state.content = {};
        response.writeHead(200, { 'content-type': 'image/webp', 'cache-control': 'public, max-age=31536000, immutable' });
        response.end(PHOTO);
      },
    });
    state.content = undefined;
    await get(origin + PATH);
    state.content = {};
    await get(origin + PATH);
    await get(origin + PATH);
    expect(state.handled).toBe(3);
  });

  it('keeps only whole immutable 200s of /media, under its size bounds, oldest out first', async () => {
    const { origin, state, media } = await serve({ maxBytes: PHOTO.length * 2, maxEntryBytes: PHOTO.length });
    for (const path of ['/media/story/gone.jpg?v=abc', '/api/health', '/media/a.jpg?v=1', '/media/b.jpg?v=1', '/media/c.jpg?v=1']) await get(origin + path);
    expect(media.stats()).toEqual({ entries: 2, bytes: PHOTO.length * 2 });
    const before = state.handled;
    await get(origin + '/media/c.jpg?v=1');
    await get(origin + '/media/b.jpg?v=1');
    expect(state.handled).toBe(before);
    await get(origin + '/media/a.jpg?v=1');
    expect(state.handled).toBe(before + 1);
    expect((await get(origin + '/media/story/gone.jpg?v=abc')).status).toBe(404);

    const small = await serve({ maxEntryBytes: PHOTO.length - 1 });
    await get(small.origin + PATH);
    expect(small.media.stats()).toEqual({ entries: 0, bytes: 0 });
  });

  it('does not keep an answer that is not immutable', async () => {
    const { origin, media } = await serve({
      answer: (_url, response) => {
        response.writeHead(200, { 'content-type': 'image/webp', 'cache-control': 'public, max-age=60' });
        response.end(PHOTO);
      },
    });
    await get(origin + PATH);
    expect(media.stats().entries).toBe(0);
  });
});
