import { expect, test, type Page } from '@playwright/test';
import { childSitemaps, openPage, RU_ONLY, SEED, textInPageLanguage } from './helpers';

// Armenian, the third language, added as data (i18n/locales.json, messages/hy.json, hy.md files).
const SEED_HY_TITLE = 'Ռուսաստանը և Ադրբեջանը քննարկում են պաշտպանական համագործակցությունը';
// Letters of the Russian and English interfaces: none may be left on an Armenian page's frame.
const FOREIGN_LETTERS = /[\p{Script=Latin}\p{Script=Cyrillic}]/u;

/** The text of the elements `selector` finds, leaving out what is marked as another language (the switcher's "Русский"). */
async function frameText(page: Page, selector: string): Promise<string> {
  return page.locator('body').evaluate((body, parts) => {
    const texts: string[] = [];
    for (const element of body.querySelectorAll(parts)) {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[lang]:not([lang="hy"])').forEach((other) => other.remove());
      texts.push(copy.textContent ?? '');
    }
    return texts.join('\n');
  }, selector);
}

test.describe('Armenian readers', () => {
  test('get the seed story in Armenian, with the frame in Armenian and the other languages offered', async ({ page }) => {
    await openPage(page, `/hy/news/${SEED}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'hy');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_HY_TITLE);
    expect(await frameText(page, 'header, footer, aside h2'), 'header, footer and sidebar headings').not.toMatch(FOREIGN_LETTERS);
    const switcher = page.locator('[data-component="locale-switcher"] a');
    await expect(switcher).toHaveText(['Русский', 'English']);
    await expect(switcher.first()).toHaveAttribute('href', `/ru/news/${SEED}`);
    await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute('content', 'hy_AM');
    const blocks = (await page.locator('script[type="application/ld+json"]').allTextContents()).flatMap((text) => [JSON.parse(text)].flat()) as Array<{ '@type': string; inLanguage?: string }>;
    expect(blocks.find((block) => block['@type'] === 'NewsArticle')?.inLanguage).toBe('hy');
  });

  test('the Russian and English pages name the Armenian version among their alternates', async ({ page }) => {
    for (const locale of ['ru', 'en']) {
      await openPage(page, `/${locale}/news/${SEED}`);
      await expect(page.locator('link[rel="alternate"][hreflang="hy"]')).toHaveAttribute('href', new RegExp(`/hy/news/${SEED}$`));
      await expect(page.locator('[data-component="locale-switcher"] a[hreflang="hy"]')).toHaveText('Հայերեն');
      await expect(page.locator('meta[property="og:locale:alternate"][content="hy_AM"]')).toHaveCount(1);
    }
  });

  test('a story with no Armenian version is shown in its original, with a notice naming that language in Armenian', async ({ page }) => {
    await openPage(page, `/hy/news/${RU_ONLY}`);
    await expect(page.locator('[data-component="untranslated-notice"]')).toContainText('ռուսերեն');
    // Listings in Armenian list only Armenian stories.
    await openPage(page, '/hy/archive');
    await expect(page.locator(`main a[href="/hy/news/${RU_ONLY}"]`)).toHaveCount(0);
    await expect(page.locator(`main a[href="/hy/news/${SEED}"]`).first()).toBeVisible();
  });

  test('the front page speaks Armenian throughout its frame', async ({ page }) => {
    await openPage(page, '/hy');
    // Story text may quote Latin names (EUMA); the interface around it may not.
    expect(await frameText(page, 'header, footer, main h1, main h2, nav'), 'header, footer, headings, navigation').not.toMatch(FOREIGN_LETTERS);
    expect(await textInPageLanguage(page)).toContain('Հարավային Կովկասի տեսություն');
  });

  test('search finds an Armenian story by an inflected word, and a browser asking for hy-AM lands on /hy', async ({ page, browser, baseURL }) => {
    await openPage(page, `/hy/search?q=${encodeURIComponent('Շոյգու')}`);
    await expect(page.locator('[data-component="search-results"] a[href^="/hy/news/"]').first()).toHaveAttribute('href', `/hy/news/${SEED}`);
    const armenian = await browser.newContext({ locale: 'hy-AM', extraHTTPHeaders: { 'accept-language': 'hy-AM' } });
    const armenianPage = await armenian.newPage();
    await armenianPage.goto('/');
    await expect(armenianPage).toHaveURL(`${baseURL}/hy`);
    await armenian.close();
  });

  test('the card draws the Armenian headline, and the feed and the sitemaps carry the Armenian pages', async ({ request }) => {
    const card = await request.get(`/hy/news/${SEED}/opengraph-image`);
    expect(card.status()).toBe(200);
    expect(card.headers()['content-type']).toBe('image/png');
    const feed = await request.get('/hy/feed.xml');
    expect(feed.status()).toBe(200);
    const xml = await feed.text();
    expect(xml).toContain(SEED_HY_TITLE);
    expect(xml).not.toContain('Россия и Азербайджан');
    const sitemaps = (await childSitemaps(async (path) => (await request.get(path)).text())).join('\n');
    expect(sitemaps).toMatch(new RegExp(`hreflang="hy" href="[^"]*/hy/news/${SEED}"`));
  });
});
