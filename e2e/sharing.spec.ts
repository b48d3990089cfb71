import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { childSitemaps, openPage, SEED, SEED_RU_TITLE } from './helpers';

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

function pngSize(bytes: Buffer) {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function meta(page: Page, property: string) {
  return page.locator(`meta[property="${property}"], meta[name="${property}"]`).first().getAttribute('content');
}

async function hreflangs(request: APIRequestContext, url: string): Promise<Record<string, string>> {
  const html = await (await request.get(url)).text();
  return Object.fromEntries([...html.matchAll(/<link rel="alternate" hrefLang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
}

test.describe('sharing and discovery', () => {
  test('a story has localized metadata and a card of its own', async ({ page, request }) => {
    await openPage(page, `/ru/news/${SEED}`);
    await expect(page).toHaveTitle(`${SEED_RU_TITLE} — Обозрение Южного Кавказа`);
    expect(await meta(page, 'description')).toContain('Шойгу');
    expect(await meta(page, 'og:type')).toBe('article');
    expect(await meta(page, 'og:locale')).toBe('ru_RU');
    expect(await meta(page, 'og:title')).toBe(SEED_RU_TITLE);
    expect(await meta(page, 'article:published_time')).toBe('2016-08-15T09:00:00+04:00');
    expect(await meta(page, 'article:section')).toBe('Безопасность');
    await expect(page.locator('meta[property="article:tag"]')).toHaveCount(4);
    expect(await meta(page, 'twitter:card')).toBe('summary_large_image');
    expect(await meta(page, 'og:image:width')).toBe('1200');
    expect(await meta(page, 'og:image:height')).toBe('630');
    expect(await meta(page, 'og:image:alt')).toBe(SEED_RU_TITLE);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /^https?:\/\/[^/]+\/ru\/news\/russia-azerbaijan-defence-cooperation$/);

    const ruCard = (await meta(page, 'og:image'))!;
    expect(ruCard).toMatch(/^https?:\/\/[^/]+\/ru\/news\/russia-azerbaijan-defence-cooperation\/opengraph-image\?v=[0-9a-f]{12}$/);
    const ru = await request.get(ruCard);
    expect(ru.status()).toBe(200);
    expect(ru.headers()['content-type']).toBe('image/png');
    expect(ru.headers()['cache-control']).toContain('max-age=31536000');
    const ruBytes = await ru.body();
    expect(pngSize(ruBytes)).toEqual({ width: 1200, height: 630 });

    await openPage(page, `/en/news/${SEED}`);
    const enCard = (await meta(page, 'og:image'))!;
    expect(enCard).not.toBe(ruCard);
    const enBytes = await (await request.get(enCard)).body();
    expect(pngSize(enBytes)).toEqual({ width: 1200, height: 630 });
    expect(enBytes.equals(ruBytes)).toBe(false);

    // A repeat request is served from the card cache: the same bytes, fast.
    const started = Date.now();
    const again = await request.get(ruCard);
    expect(Date.now() - started).toBeLessThan(500);
    expect((await again.body()).equals(ruBytes)).toBe(true);
  });

  test('the front page has the default card, WebSite data and advertised feeds', async ({ page, request }) => {
    await openPage(page, '/en');
    const card = (await meta(page, 'og:image'))!;
    expect(card).toMatch(/\/en\/opengraph-image\?v=/);
    expect(pngSize(await (await request.get(card)).body())).toEqual({ width: 1200, height: 630 });
    const data = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!);
    expect(data).toMatchObject({ '@type': 'WebSite', inLanguage: 'en', name: 'South Caucasus Review' });
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute('href', /\/en\/feed\.xml$/);
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', /\/en\/atom\.xml$/);
  });

  test('hreflang alternates are reciprocal and list only versions that exist', async ({ request }) => {
    for (const path of [`/ru/news/${SEED}`, `/en/news/${SEED}`, '/ru/section/energy', '/en/archive', '/en/news/azerbaijan-abolishes-daylight-saving-time']) {
      const own = await hreflangs(request, path);
      expect(own['x-default'], path).toBeTruthy();
      for (const [lang, url] of Object.entries(own)) {
        if (lang === 'x-default') continue;
        expect(await hreflangs(request, url), `${url} links back`).toEqual(own);
      }
    }
    expect(Object.keys(await hreflangs(request, '/en/news/azerbaijan-abolishes-daylight-saving-time')).sort()).toEqual(['ru', 'x-default']);
  });

  test('every story carries NewsArticle and BreadcrumbList data that parse', async ({ page }) => {
    await openPage(page, `/en/news/${SEED}`);
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    const [article, breadcrumb] = JSON.parse(blocks[0]!) as Array<Record<string, unknown>>;
    expect(article).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Russia and Azerbaijan discuss defence cooperation',
      datePublished: '2016-08-15T09:00:00+04:00',
      dateModified: '2016-08-15T09:00:00+04:00',
      inLanguage: 'en',
      isAccessibleForFree: true,
      publisher: { '@type': 'NewsMediaOrganization', name: 'South Caucasus Review' },
    });
    expect(article!.description).toBeTruthy();
    expect(article!.author).toBeTruthy();
    expect((article!.mainEntityOfPage as { '@id': string })['@id']).toMatch(/\/en\/news\/russia-azerbaijan-defence-cooperation$/);
    expect((article!.image as string[]).some((url) => url.includes('/opengraph-image?v='))).toBe(true);
    expect((article!.image as string[]).some((url) => url.includes('/media/'))).toBe(true);
    expect(breadcrumb).toMatchObject({ '@type': 'BreadcrumbList' });
    expect((breadcrumb!.itemListElement as Array<{ name: string }>).map((item) => item.name)).toEqual([
      'South Caucasus Review',
      'Security',
      'Russia and Azerbaijan discuss defence cooperation',
    ]);
  });

  test('the sitemap index names child sitemaps that list every story in each of its languages with alternates, and robots.txt names the sitemaps', async ({ request }) => {
    const response = await request.get('/sitemap.xml');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/xml; charset=utf-8');
    const index = xml.parse(await response.text()).sitemapindex;
    expect(index['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const children = [index.sitemap].flat() as Array<{ loc: string; lastmod?: string }>;
    expect(children.map((c) => new URL(c.loc).pathname)).toEqual(['/sitemaps/listings-1.xml', '/sitemaps/stories-1.xml']);
    // Each child's lastmod is the newest date of its URLs; sections and tags have none, stories do.
    expect(Number.isNaN(Date.parse(children[1]!.lastmod!))).toBe(false);
    for (const child of children) {
      const answer = await request.get(new URL(child.loc).pathname);
      expect(answer.status(), child.loc).toBe(200);
      expect(answer.headers()['content-type'], child.loc).toBe('application/xml; charset=utf-8');
    }
    for (const name of ['stories-0.xml', 'stories-01.xml', 'stories-2.xml', 'stories-99999999999.xml', 'nothing']) {
      expect((await request.get(`/sitemaps/${name}`)).status(), name).toBe(404);
    }

    const texts = await childSitemaps(async (path) => (await request.get(path)).text());
    const urls = texts.flatMap((text) => [xml.parse(text).urlset.url].flat()) as Array<{ loc: string; 'xhtml:link': Array<{ '@hreflang': string; '@href': string }> }>;
    const seed = urls.find((u) => u.loc.endsWith(`/ru/news/${SEED}`))!;
    expect(seed).toBeTruthy();
    expect(seed['xhtml:link'].map((l) => l['@hreflang']).sort()).toEqual(['en', 'hy', 'ru', 'x-default']);
    expect(urls.some((u) => u.loc.endsWith(`/en/news/${SEED}`))).toBe(true);
    expect(urls.some((u) => u.loc.endsWith('/en/section/energy'))).toBe(true);
    expect(urls.some((u) => u.loc.endsWith('/ru/tag/karabakh'))).toBe(true);
    expect(urls.some((u) => u.loc.endsWith('/en/news/azerbaijan-abolishes-daylight-saving-time'))).toBe(false);
    // 21 stories in Russian, 20 in English, 7 in Armenian.
    expect(urls.filter((u) => u.loc.includes('/news/'))).toHaveLength(48);

    const news = xml.parse(await (await request.get('/news-sitemap.xml')).text());
    expect(news.urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');

    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toMatch(/Sitemap: https?:\/\/[^/]+\/sitemap\.xml/);
    expect(robots).toMatch(/Sitemap: https?:\/\/[^/]+\/news-sitemap\.xml/);
  });

  test('feeds parse and list the latest stories of their locale with absolute links', async ({ request }) => {
    const rss = await request.get('/ru/feed.xml');
    expect(rss.headers()['content-type']).toContain('application/rss+xml');
    const channel = xml.parse(await rss.text()).rss.channel;
    expect(channel.title).toBe('Обозрение Южного Кавказа');
    expect(channel.language).toBe('ru');
    const items = channel.item as Array<Record<string, unknown>>;
    expect(items.length).toBe(21);
    const seed = items.find((item) => String(item.link).endsWith(`/ru/news/${SEED}`))!;
    expect(seed.title).toBe(SEED_RU_TITLE);
    expect(String(seed.link)).toMatch(/^https?:\/\//);
    expect(new Date(String(seed.pubDate)).toISOString()).toBe('2016-08-15T05:00:00.000Z');
    expect([seed.category].flat().map((c) => (c as { '#text': string })['#text'])).toContain('Безопасность');
    expect((seed.enclosure as Record<string, string>)['@type']).toBe('image/jpeg');

    const atom = xml.parse(await (await request.get('/en/atom.xml')).text()).feed;
    expect(atom.title).toBe('South Caucasus Review');
    const entries = atom.entry as Array<{ title: { '#text': string }; category: Array<{ '@term': string; '@label': string }> }>;
    const seedEntry = entries.find((entry) => entry.title['#text'] === 'Russia and Azerbaijan discuss defence cooperation')!;
    expect(seedEntry).toBeTruthy();
    expect(seedEntry.category.map((c) => c['@term'])).toEqual(['security', 'russia', 'azerbaijan', 'defence', 'karabakh']);

    const section = xml.parse(await (await request.get('/en/section/energy/feed.xml')).text()).rss.channel;
    expect((section.item as unknown[]).length).toBe(3);
    expect((await request.get('/en/section/sport/feed.xml')).status()).toBe(404);
  });
});
