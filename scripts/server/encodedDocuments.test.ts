import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createEncodedDocuments, preferredEncoding } from './encodedDocuments.ts';

const page = (text: string) => Buffer.from(`<html><body>${text.repeat(200)}<script>go(${JSON.stringify(text)})</script></body></html>`);

describe('preferredEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['*', 'br'],
    ['identity', 'identity'],
    ['', 'identity'],
    [undefined, 'identity'],
  ])('%s → %s', (header, encoding) => {
    expect(preferredEncoding(header)).toBe(encoding);
  });
});

describe('createEncodedDocuments', () => {
  it('compresses a document once, then hands out the same bytes', async () => {
    const documents = createEncodedDocuments();
    const first = await documents.documentFor(page('Новость'), 'gzip');
    const again = await documents.documentFor(page('Новость'), 'gzip');
    expect(first.encoding).toBe('gzip');
    expect(gunzipSync(first.bytes).equals(page('Новость'))).toBe(true);
    expect(again.bytes).toBe(first.bytes);
  });

  it('keeps one entry per document, and stays within its byte budget', async () => {
    const documents = createEncodedDocuments({ maxBytes: 2_000 });
    for (let i = 0; i < 50; i += 1) await documents.documentFor(page(`story ${i} `), 'br');
    expect(documents.cachedBytes()).toBeLessThanOrEqual(2_000);
    expect(documents.size()).toBeGreaterThan(1);
    expect(documents.size()).toBeLessThan(50);
    // An evicted document comes back right, just not from the cache.
    expect((await documents.documentFor(page('story 0 '), 'identity')).bytes.equals(page('story 0 '))).toBe(true);
  });

  it('compresses megabytes (a child sitemap) as it does a page, off the event loop', async () => {
    const documents = createEncodedDocuments();
    const sitemap = Buffer.from(`<urlset>${'<url><loc>https://example.org/ru/news/новость</loc></url>'.repeat(30_000)}</urlset>`);
    expect(sitemap.length).toBeGreaterThan(1024 * 1024);
    // The event loop turns while it is compressed (a page's would be ready before that).
    const order: string[] = [];
    const compressing = documents.documentFor(sitemap, 'br', { shared: false }).then((sent) => (order.push('compressed'), sent));
    setImmediate(() => order.push('the loop turned'));
    const br = await compressing;
    expect(order).toEqual(['the loop turned', 'compressed']);
    const gzip = await documents.documentFor(sitemap, 'gzip', { shared: false });
    expect([br.encoding, gzip.encoding]).toEqual(['br', 'gzip']);
    expect(brotliDecompressSync(br.bytes).equals(sitemap)).toBe(true);
    expect(gunzipSync(gzip.bytes).equals(sitemap)).toBe(true);
  });

  it('sends a small document as it is', async () => {
    const documents = createEncodedDocuments();
    expect((await documents.documentFor(Buffer.from('<p>hi</p>'), 'br')).encoding).toBe('identity');
  });
});

describe('createEncodedDocuments: pages rendered per request', () => {
  it('are transformed and compressed for their answer but not kept', async () => {
    const documents = createEncodedDocuments();
    const sent = await documents.documentFor(page('search results '), 'gzip', { shared: false });
    expect(gunzipSync(sent.bytes).equals(page('search results '))).toBe(true);
    expect(documents.size()).toBe(0);
    expect(documents.cachedBytes()).toBe(0);
  });
});

describe('createEncodedDocuments: with a transform (pages without the client runtime)', () => {
  const transform = (body: Buffer) => Buffer.from(body.toString('utf8').replace(/<script>go\([^<]*\)<\/script>/, '<script>kept()</script>'));
  const transformed = (text: string) => transform(page(text));

  it('sends and caches the transformed document, for every encoding and kind of page', async () => {
    const calls: number[] = [];
    const documents = createEncodedDocuments({ transform: (body) => (calls.push(1), transform(body)) });
    const gzip = await documents.documentFor(page('Новость'), 'gzip', { transform: true });
    expect(gunzipSync(gzip.bytes).equals(transformed('Новость'))).toBe(true);
    expect((await documents.documentFor(page('Новость'), 'gzip', { transform: true })).bytes).toBe(gzip.bytes);
    expect(calls).toHaveLength(1);
    expect((await documents.documentFor(page('Новость'), 'identity', { transform: true })).bytes.equals(transformed('Новость'))).toBe(true);
    const perRequest = await documents.documentFor(page('search '), 'identity', { shared: false, transform: true });
    expect(perRequest.bytes.equals(transformed('search '))).toBe(true);
  });
});
