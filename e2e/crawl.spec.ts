import { expect, test } from '@playwright/test';

/**
 * No link leads to a 404: starting from both front pages, every same-site URL the site renders
 * (links, stylesheets, scripts, images and their srcset, feeds, cards in og:image, alternates) is
 * fetched, and pages are followed recursively. Any 4xx or 5xx fails, naming the page that linked it.
 */
const LIMIT = 3_000;
const ATTRIBUTE = /\s(?:href|src|content)="([^"]+)"|\ssrcset="([^"]+)"/g;

function linksIn(html: string, base: URL): URL[] {
  const found: URL[] = [];
  for (const match of html.matchAll(ATTRIBUTE)) {
    const candidates = match[1] !== undefined ? [match[1]] : match[2]!.split(',').map((entry) => entry.trim().split(/\s+/)[0]!);
    for (const raw of candidates) {
      const value = raw.replaceAll('&amp;', '&');
      if (!/^(\/|https?:)/.test(value)) continue;
      try {
        const url = new URL(value, base);
        if (url.origin === base.origin) found.push(url);
      } catch {
        // Not a URL (a meta content that merely starts with a slash).
      }
    }
  }
  return found;
}

test('every link, image, feed and card the site renders answers 2xx or 3xx', async ({ baseURL }) => {
  test.setTimeout(240_000);
  const origin = new URL(baseURL!);
  const queue: Array<{ url: URL; from: string }> = ['/ru', '/en'].map((path) => ({ url: new URL(path, origin), from: '(start)' }));
  const seen = new Set(queue.map((item) => item.url.href));
  const broken: string[] = [];
  let pages = 0;
  while (queue.length > 0 && seen.size < LIMIT) {
    const batch = queue.splice(0, 8);
    await Promise.all(
      batch.map(async ({ url, from }) => {
        const response = await fetch(url, { redirect: 'manual' });
        if (response.status >= 400) broken.push(`${response.status} ${url.pathname}${url.search} (linked from ${from})`);
        const type = response.headers.get('content-type') ?? '';
        if (!type.startsWith('text/html') && !type.includes('xml')) {
          await response.body?.cancel();
          return;
        }
        pages += 1;
        for (const link of linksIn(await response.text(), url)) {
          // The beacon is a POST endpoint, not a link.
          if (link.pathname.startsWith('/api/') || seen.has(link.href)) continue;
          seen.add(link.href);
          queue.push({ url: link, from: `${url.pathname}${url.search}` });
        }
      }),
    );
  }
  expect(broken).toEqual([]);
  // Sanity: the crawl really went through the site (both languages, listings, stories, cards).
  expect(pages).toBeGreaterThan(100);
  const all = [...seen].join('\n');
  for (const part of ['/ru/news/', '/en/news/', '/ru/archive?page=2', '/opengraph-image', '/media/', '/ru/feed.xml', '/en/tag/']) {
    expect(all).toContain(part);
  }
});
