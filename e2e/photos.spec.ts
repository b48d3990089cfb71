import { expect, test, type APIRequestContext } from '@playwright/test';
import { openPage, SEED } from './helpers';

// Story photos as <picture> elements whose every URL is a variant our media route resizes once and
// then serves from its disk cache (docs/images.md).

const TYPES: Record<string, string> = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg' };

/** The URLs of a srcset attribute ("url 640w, url 1080w"). */
const urlsOf = (srcset: string | null) => (srcset ?? '').split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!).filter(Boolean);

async function timedGet(request: APIRequestContext, url: string) {
  const started = Date.now();
  const response = await request.get(url);
  const body = await response.body();
  return { response, body, ms: Date.now() - started };
}

test.describe('story photos', () => {
  test('the lead photo is a <picture> whose every source answers with its type', async ({ page, request }) => {
    await openPage(page, `/ru/news/${SEED}`);
    const picture = page.locator('[data-component="story-figure"] picture');
    await expect(picture).toHaveCount(1);
    const sources = await picture.locator('source').evaluateAll((elements) =>
      elements.map((source) => ({ type: source.getAttribute('type'), srcset: source.getAttribute('srcset') })),
    );
    expect(sources.map((source) => source.type)).toEqual(['image/avif', 'image/webp']);
    const img = picture.locator('img');
    // Sized from the file (no layout shift), fetched first and not lazily: it is the page's LCP.
    await expect(img).toHaveAttribute('width', /^\d+$/);
    await expect(img).toHaveAttribute('height', /^\d+$/);
    await expect(img).toHaveAttribute('fetchpriority', 'high');
    await expect(img).not.toHaveAttribute('loading', 'lazy');
    await expect(img).toHaveAttribute('decoding', 'async');
    expect(await img.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0)).toBe(true);
    // Chromium decodes AVIF, so it takes the first source.
    expect(await img.evaluate((element: HTMLImageElement) => element.currentSrc)).toMatch(/[?&]f=avif(?:&|$)/);

    const urls = new Map<string, string>();
    for (const source of sources) for (const url of urlsOf(source.srcset)) urls.set(url, source.type!);
    const src = await img.getAttribute('src');
    for (const url of [src!, ...urlsOf(await img.getAttribute('srcset'))]) urls.set(url, 'image/jpeg');
    expect(urls.size).toBeGreaterThanOrEqual(9);
    for (const [url, type] of urls) {
      expect(url).toMatch(/^\/media\/[^/]+\/[^/?]+\?v=[0-9a-f]+&w=\d+&f=(?:avif|webp|jpeg)$/);
      expect(TYPES[new URL(url, 'http://x').searchParams.get('f')!]).toBe(type);
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      expect(response.headers()['content-type'], url).toBe(type);
      expect(response.headers()['cache-control'], url).toBe('public, max-age=31536000, immutable');
      expect(response.headers()['vary'] ?? '', url).not.toMatch(/accept/i);
    }
  });

  test('teaser photos load lazily, as WebP (no AVIF to decode for a thumbnail)', async ({ page }) => {
    await openPage(page, `/ru/news/${SEED}`);
    const teasers = page.locator('aside picture');
    expect(await teasers.count()).toBeGreaterThan(0);
    const seen = await teasers.evaluateAll((pictures) =>
      pictures.map((picture) => ({
        types: [...picture.querySelectorAll('source')].map((source) => source.getAttribute('type')),
        loading: picture.querySelector('img')!.getAttribute('loading'),
      })),
    );
    for (const teaser of seen) expect(teaser).toEqual({ types: ['image/webp'], loading: 'lazy' });
    const first = teasers.first().locator('img');
    await first.scrollIntoViewIfNeeded();
    await expect.poll(() => first.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await first.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/[?&]f=webp(?:&|$)/);
  });

  test('a repeated variant comes from the cache: fast and byte-identical', async ({ page, request }) => {
    await openPage(page, `/ru/news/${SEED}`);
    const url = urlsOf(await page.locator('[data-component="story-figure"] source[type="image/avif"]').getAttribute('srcset')).at(-1)!;
    const first = await timedGet(request, url);
    expect(first.response.status()).toBe(200);
    const repeats = [];
    for (let i = 0; i < 5; i += 1) {
      const repeat = await timedGet(request, url);
      expect(repeat.response.status()).toBe(200);
      expect(repeat.body.equals(first.body), 'the same bytes every time').toBe(true);
      repeats.push(repeat.ms);
    }
    // An AVIF encode takes hundreds of ms; a cache read, a few ms plus HTTP.
    expect(repeats.sort((a, b) => a - b)[2], `repeat times ${repeats.join(', ')} ms`).toBeLessThan(150);
  });

  test('refuses unknown widths (400) and stale versions (404)', async ({ page, request }) => {
    await openPage(page, `/ru/news/${SEED}`);
    const src = (await page.locator('[data-component="story-figure"] img').getAttribute('src'))!;
    const url = new URL(src, 'http://x');
    const path = url.pathname;
    const version = url.searchParams.get('v')!;
    expect((await request.get(`${path}?v=${version}&w=123&f=avif`)).status()).toBe(400);
    expect((await request.get(`${path}?v=${version}&w=640&f=gif`)).status()).toBe(400);
    expect((await request.get(`${path}?v=${version}&w=640&f=avif&q=100`)).status()).toBe(400);
    expect((await request.get(`${path}?v=000000000000&w=640&f=avif`)).status()).toBe(404);
    expect((await request.get(`${path}?v=${version}`)).status()).toBe(200);
  });

  test("Next's image optimizer is off: /_next/image answers 404", async ({ page, request }) => {
    await openPage(page, `/ru/news/${SEED}`);
    const src = (await page.locator('[data-component="story-figure"] img').getAttribute('src'))!;
    const original = src.replace(/&.*$/, '');
    const response = await request.get(`/_next/image?url=${encodeURIComponent(original)}&w=640&q=75`);
    expect(response.status()).toBe(404);
  });
});
