import { expect, test } from '@playwright/test';
import { SEED } from './helpers';

// Every answer of scripts/server.mjs names the layer its bytes came from (lib/http/servedBy.ts,
// docs/request-path.md), so an operator and these tests can see it.
test.describe('x-served-by names the layer that produced an answer', () => {
  test('a page: rendered or from Next’s cache, never anything else', async ({ request }) => {
    const first = await request.get(`/en/news/${SEED}`);
    expect(first.status()).toBe(200);
    expect(['render', 'next-cache']).toContain(first.headers()['x-served-by']);
    // Prerendered, then cached: a repeat comes from Next's page cache.
    const again = await request.get(`/en/news/${SEED}`);
    expect(again.headers()['x-served-by']).toBe('next-cache');
    // A search is rendered for each request.
    expect((await request.get('/en/search?q=gas')).headers()['x-served-by']).toBe('render');
    // The page's ETag is the kept answers' hash (Next's own is off): a reader who has it gets 304.
    // Next may regenerate the page in the background between two requests (stale-while-revalidate:
    // Popular), which is a new page and a new tag, so ask until the tag just seen is still current.
    expect(again.headers()['etag']).toMatch(/^W\/"[A-Za-z0-9_-]{43}"$/);
    await expect
      .poll(async () => {
        const etag = (await request.get(`/en/news/${SEED}`)).headers()['etag']!;
        const revalidated = await request.get(`/en/news/${SEED}`, { headers: { 'if-none-match': etag } });
        return `${revalidated.status()} ${(await revalidated.body()).length} ${revalidated.headers()['etag'] === etag}`;
      })
      .toBe('304 0 true');
  });

  test('a photo: resized (or read from the disk cache) once, then from memory', async ({ request }) => {
    const html = (await (await request.get(`/ru/news/${SEED}`)).text()).replaceAll('&amp;', '&');
    const variant = /\/media\/[^"\s,]+\?v=[^"\s,&]+&w=160&f=webp/.exec(html)?.[0];
    expect(variant, 'the story links a 160 px WebP').toBeTruthy();
    const first = await request.get(variant!);
    expect(first.status()).toBe(200);
    expect(['render', 'media-cache', 'memory']).toContain(first.headers()['x-served-by']);
    const again = await request.get(variant!);
    expect(again.headers()['x-served-by']).toBe('memory');
    expect(Buffer.compare(await again.body(), await first.body())).toBe(0);
  });

  test('a card: drawn once (or read from the disk cache), then from memory', async ({ request }) => {
    const first = await request.get(`/ru/news/${SEED}/opengraph-image`);
    expect(first.status()).toBe(200);
    // The e2e server's DATA_DIR outlives a run: a card an earlier run drew is read from disk.
    expect(['render', 'media-cache', 'memory']).toContain(first.headers()['x-served-by']);
    const again = await request.get(`/ru/news/${SEED}/opengraph-image`);
    expect(again.headers()['x-served-by']).toBe('memory');
  });
});
