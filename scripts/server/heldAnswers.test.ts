import { createServer, get, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createEncodedDocuments } from './encodedDocuments.ts';
import { holdAnswer } from './heldAnswers.ts';
import { createRequestPath } from './requestPath.ts';

const POLICY = "default-src 'self'; script-src 'self'; object-src 'none'";
const page = (n: number) => `<!DOCTYPE html><html><body>${'<p>Новость</p>'.repeat(n)}<script>self.__next_f.push([1,"${n}"])</script></body></html>`;

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** The launcher's request path (requestPath.ts) around a handler that answers like Next does. */
async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void, options?: { maxHeldBytes?: number }, documents = createEncodedDocuments()) {
  const lifecycle = { state: 'ready', since: 0 } as const;
  server = createServer(createRequestPath({ handle: handler, documents, media: undefined, lifecycle: { ...lifecycle }, inFlight: new Set(), ...options }));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The raw bytes and headers, undecoded (fetch would gunzip). */
function getRaw(url: string, headers: Record<string, string>) {
  return new Promise<{ headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('holdAnswer', () => {
  it('sends a streamed page (flushHeaders, chunks) whole, gzipped, its policy untouched whatever scripts it holds', async () => {
    const html = page(2000);
    const origin = await serve((_, response) => {
      response.statusCode = 200;
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.setHeader('content-security-policy', POLICY);
      response.flushHeaders();
      response.write(html.slice(0, 100));
      response.write(Buffer.from(html.slice(100, 5000)));
      setTimeout(() => response.end(html.slice(5000)), 10);
    });
    const response = await getRaw(`${origin}/`, { 'accept-encoding': 'gzip' });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(response.body).toString('utf8')).toBe(html);
    // A policy says what the site ships, not what a page contains: never rewritten here.
    expect(response.headers['content-security-policy']).toBe(POLICY);
  });

  it('keeps the status and headers given to writeHead', async () => {
    const origin = await serve((_, response) => {
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': POLICY, 'x-extra': 'kept' });
      response.end(page(1));
    });
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-extra')).toBe('kept');
    expect(response.headers.get('content-security-policy')).toBe(POLICY);
    expect(await response.text()).toBe(page(1));
  });

  it('compresses JSON as it does pages, and streams an image as Next writes it', async () => {
    const json = JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => `новость ${i}`) });
    const image = Buffer.alloc(5000, 7);
    const origin = await serve((request, response) => {
      response.setHeader('content-type', request.url === '/photo' ? 'image/webp' : 'application/json');
      response.setHeader('content-security-policy', POLICY);
      const body = request.url === '/photo' ? image : Buffer.from(json);
      response.write(body.subarray(0, 100));
      response.end(body.subarray(100));
    });
    const compressed = await getRaw(`${origin}/`, { 'accept-encoding': 'gzip' });
    expect(compressed.headers['content-security-policy']).toBe(POLICY);
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(compressed.body).toString('utf8'))).toEqual(JSON.parse(json));
    const photo = await getRaw(`${origin}/photo`, { 'accept-encoding': 'gzip' });
    expect(photo.headers['content-encoding']).toBeUndefined();
    expect(photo.headers['transfer-encoding']).toBe('chunked');
    expect(photo.body.equals(image)).toBe(true);
  });

  it('streams a document past the size limit as it comes, under the same policy', async () => {
    const html = page(500);
    const origin = await serve((_, response) => {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.setHeader('content-security-policy', POLICY);
      response.write(html.slice(0, 3000));
      response.end(html.slice(3000));
    }, { maxHeldBytes: 1000 });
    const response = await fetch(`${origin}/`);
    expect(response.headers.get('content-security-policy')).toBe(POLICY);
    expect(await response.text()).toBe(html);
  });
});

describe('holdAnswer: what it leaves alone', () => {
  it('a HEAD request keeps the length Next gave it', async () => {
    const origin = await serve((_, response) => {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.setHeader('content-security-policy', POLICY);
      response.setHeader('content-length', '12345');
      response.end();
    });
    const response = await fetch(`${origin}/`, { method: 'HEAD' });
    expect(response.headers.get('content-length')).toBe('12345');
  });

  it('sends brotli to a client that takes it, with the right length and Vary', async () => {
    const html = page(300);
    const origin = await serve((_, response) => {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.setHeader('content-security-policy', POLICY);
      response.setHeader('content-length', String(Buffer.byteLength(html)));
      response.end(html);
    });
    const response = await getRaw(`${origin}/`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers.vary).toContain('Accept-Encoding');
    expect(Number(response.headers['content-length'])).toBe(response.body.length);
    expect(brotliDecompressSync(response.body).toString('utf8')).toBe(html);
  });
});

describe('holdAnswer: which pages are kept', () => {
  it('keeps a page a shared cache may keep, not one rendered for this request nor a search', async () => {
    const documents = createEncodedDocuments();
    server = createServer((request, response) => {
      holdAnswer(request, response, { documents });
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.setHeader('content-security-policy', POLICY);
      const cacheControl = { '/cached': 's-maxage=30, stale-while-revalidate=60', '/search?q=1': 'public, max-age=60' }[request.url!];
      response.setHeader('cache-control', cacheControl ?? 'private, no-cache, no-store, max-age=0');
      response.end(page(request.url === '/cached' ? 10 : 11));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect((await fetch(`${origin}/not-found`)).status).toBe(200);
    // A search is public for nginx's sake, but one of countless URLs: not kept here.
    expect((await fetch(`${origin}/search?q=1`)).status).toBe(200);
    expect(documents.size()).toBe(0);
    expect((await fetch(`${origin}/cached`)).status).toBe(200);
    expect(documents.size()).toBe(1);
  });
});

describe('holdAnswer: feeds and sitemaps', () => {
  const feed = (n: number) => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>${'<item><title>Новость</title></item>'.repeat(n)}</channel></rss>`;

  it('compresses a public feed once and sends the same bytes again', async () => {
    const documents = createEncodedDocuments();
    const origin = await serve((request, response) => {
      response.setHeader('content-type', 'application/rss+xml; charset=utf-8');
      response.setHeader('content-security-policy', POLICY);
      response.setHeader('cache-control', request.url === '/private' ? 'private, max-age=60' : 'public, max-age=300, stale-while-revalidate=600');
      response.write(feed(1000).slice(0, 5000));
      setTimeout(() => response.end(feed(1000).slice(5000)), 5);
    }, undefined, documents);
    const first = await getRaw(`${origin}/ru/feed.xml`, { 'accept-encoding': 'br' });
    const again = await getRaw(`${origin}/ru/feed.xml?again`, { 'accept-encoding': 'br' });
    expect(first.headers['content-encoding']).toBe('br');
    expect(Number(first.headers['content-length'])).toBe(first.body.length);
    expect(brotliDecompressSync(first.body).toString('utf8')).toBe(feed(1000));
    expect(again.body.equals(first.body)).toBe(true);
    expect(first.headers['content-security-policy']).toBe(POLICY);
    expect(documents.size()).toBe(1);
    // Not public: compressed by the same compressor for this answer, not kept.
    const unkept = await getRaw(`${origin}/private`, { 'accept-encoding': 'gzip' });
    expect(gunzipSync(unkept.body).toString('utf8')).toBe(feed(1000));
    expect(unkept.headers['content-length']).toBe(String(unkept.body.length));
    expect(documents.size()).toBe(1);
  });

  it('compresses a sitemap (any other XML) the same way, and lets a HEAD request through', async () => {
    const documents = createEncodedDocuments();
    const origin = await serve((request, response) => {
      response.setHeader('content-type', request.url === '/sitemap.xml' ? 'application/xml; charset=utf-8' : 'application/rss+xml; charset=utf-8');
      response.setHeader('cache-control', 'public, max-age=300');
      if (request.method === 'HEAD') response.setHeader('content-length', '777');
      response.end(request.method === 'HEAD' ? undefined : feed(1000));
    }, undefined, documents);
    const sitemap = await getRaw(`${origin}/sitemap.xml`, { 'accept-encoding': 'gzip' });
    expect(gunzipSync(sitemap.body).toString('utf8')).toBe(feed(1000));
    expect(sitemap.headers['content-length']).toBe(String(sitemap.body.length));
    expect(documents.size()).toBe(1);
    const head = await fetch(`${origin}/ru/feed.xml`, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length'), head.headers.get('content-encoding')]).toEqual([200, '777', null]);
    expect(documents.size()).toBe(1);
  });
});

describe('holdAnswer: entity tags', () => {
  it('tags a kept page with the hash it is kept by, and answers 304 to a reader who has it', async () => {
    const origin = await serve((request, response) => {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.setHeader('cache-control', request.url === '/search' ? 'private, no-store' : 's-maxage=30, stale-while-revalidate=60');
      response.end(page(request.url === '/b' ? 21 : 20));
    });
    const first = await fetch(`${origin}/a`);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]{43}"$/);
    expect(await first.text()).toBe(page(20));
    const again = await getRaw(`${origin}/a`, { 'if-none-match': etag!, 'accept-encoding': 'br' });
    expect(again.headers['etag']).toBe(etag);
    expect(again.body.length).toBe(0);
    expect((await fetch(`${origin}/a`, { headers: { 'if-none-match': etag! } })).status).toBe(304);
    // Another page, another tag; a stale tag gets the page; a page rendered per request, none.
    expect((await fetch(`${origin}/b`)).headers.get('etag')).not.toBe(etag);
    expect((await fetch(`${origin}/b`, { headers: { 'if-none-match': etag! } })).status).toBe(200);
    expect((await fetch(`${origin}/search`)).headers.get('etag')).toBeNull();
  });
});
