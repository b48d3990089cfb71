import { expect, test, type Page } from '@playwright/test';
import { openPage, SEED, storedViews } from './helpers';

const HEADINGS = {
  ru: ['Похожие материалы', 'Выбор редакции', 'Популярное'],
  en: ['Related articles', "Editor's choice", 'Popular'],
};
const LISTS = ['related', 'editors-choice', 'popular'];
const READER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/**
 * An address no other test (or earlier run against a reused server) has read from: readers are
 * addresses now (not user agents), and each has its own rate limit. 198.18.0.0/15 is for testing.
 */
function freshAddress(): string {
  const n = Math.floor(Math.random() * 2 ** 17);
  return `198.${18 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
}

/** Every story link on the page (main column and sidebars), as slugs, in order. */
async function storySlugs(page: Page, scope: string) {
  const hrefs = await page.locator(`${scope} a[href*="/news/"]:not([tabindex="-1"])`).evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  return hrefs.map((href) => href.split('/news/')[1]!);
}

test.describe('sidebars', () => {
  for (const locale of ['ru', 'en'] as const) {
    for (const path of [`/${locale}/news/${SEED}`, `/${locale}`]) {
      test(`${path} has three localized lists of 3 to 5 distinct stories`, async ({ page }) => {
        await openPage(page, path);
        const aside = page.locator('aside[data-component="sidebar"]');
        await expect(aside.locator('h2')).toHaveText(HEADINGS[locale]);
        for (const list of LISTS) {
          const count = await aside.locator(`[data-component="${list}"] li`).count();
          expect(count, list).toBeGreaterThanOrEqual(3);
          expect(count, list).toBeLessThanOrEqual(5);
          await expect(aside.locator(`[data-component="${list}"] li time`)).toHaveCount(count);
        }
        const sidebar = await storySlugs(page, 'aside');
        const main = await storySlugs(page, 'main > div > div:first-child');
        expect(new Set([...sidebar, ...main]).size, 'no story twice on the page').toBe(sidebar.length + main.length);
        if (path.includes('/news/')) expect(sidebar).not.toContain(SEED);
      });
    }
  }

  test('related articles of the seed story are about the South Caucasus and Russia', async ({ page }) => {
    await openPage(page, `/en/news/${SEED}`);
    const related = await storySlugs(page, '[data-component="related"]');
    expect(related[0], 'the pinned story first').toBe('putin-visits-baku-trilateral-summit');
    expect(related).toContain('karabakh-april-2016-escalation');
  });

  test("editor's choice follows the editors' order", async ({ page }) => {
    await openPage(page, '/en/news/moldova-sandu-reelected');
    const picks = await storySlugs(page, '[data-component="editors-choice"]');
    const order = ['us-ukraine-minerals-deal', 'borrell-afghanistan-eu-engaged', 'karabakh-ceasefire-statement-2020', 'armenia-azerbaijan-peace-treaty-text-agreed', 'tanap-pipeline-inauguration', 'nato-vilnius-summit'];
    expect(picks.length).toBeGreaterThanOrEqual(3);
    expect(picks).toEqual(order.filter((slug) => picks.includes(slug)));
  });

  test('a story read by several readers rises in Popular on the running site', async ({ page, request }) => {
    test.setTimeout(180_000);
    const target = 'black-sea-grain-initiative';
    const ua = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
    for (let reader = 1; reader <= 6; reader += 1) {
      const response = await request.post('/api/views', {
        data: { slug: target, locale: reader % 2 ? 'ru' : 'en' },
        // New readers on every run: a views store kept from an earlier run (same day) counts them too.
        headers: { 'x-forwarded-for': freshAddress(), 'user-agent': ua },
      });
      expect(response.status()).toBe(204);
    }
    // A reader counts once; the same reader again (even under another user agent), a bot and
    // another site's page do not count: checked in the store, not only by the answers.
    const other = 'tap-pipeline-completed';
    const reader = freshAddress();
    const before = await storedViews(other);
    const send = (headers: Record<string, string>) => request.post('/api/views', { data: { slug: other, locale: 'ru' }, headers });
    expect((await send({ 'x-forwarded-for': reader, 'user-agent': ua })).status()).toBe(204);
    await expect.poll(() => storedViews(other)).toBe(before + 1);
    expect((await send({ 'x-forwarded-for': reader, 'user-agent': ua })).status()).toBe(204);
    expect((await send({ 'x-forwarded-for': reader, 'user-agent': `${ua} Edg/131.0.0.0` })).status()).toBe(204);
    expect((await send({ 'x-forwarded-for': freshAddress(), 'user-agent': 'Googlebot/2.1' })).status()).toBe(204);
    expect((await send({ 'x-forwarded-for': freshAddress(), 'user-agent': ua, origin: 'https://elsewhere.example', 'sec-fetch-site': 'cross-site' })).status()).toBe(403);
    // A new reader after them is the signal: writes land in order, so once it shows, any stray
    // count from the requests above would have shown too.
    expect((await send({ 'x-forwarded-for': freshAddress(), 'user-agent': ua })).status()).toBe(204);
    await expect.poll(() => storedViews(other)).toBeGreaterThanOrEqual(before + 2);
    expect(await storedViews(other), 'repeats, bots and other sites are not counted').toBe(before + 2);

    // The front page is cached for at most 30 s and regenerated in the background: within a minute.
    await expect(async () => {
      await page.goto('/ru');
      expect((await storySlugs(page, '[data-component="popular"]'))[0]).toBe(target);
    }).toPass({ timeout: 65_000, intervals: [2_000] });

    // Story pages are served from cache and regenerated in the background: within a minute.
    await expect(async () => {
      const response = await page.goto(`/ru/news/${SEED}`);
      expect(response?.headers()['cache-control']).toMatch(/s-maxage=30/);
      expect((await storySlugs(page, '[data-component="popular"]'))[0]).toBe(target);
    }).toPass({ timeout: 65_000, intervals: [2_000] });
  });

  test('the beacon rejects what is not a view', async ({ request }) => {
    expect((await request.post('/api/views', { data: { slug: 'no-such-story', locale: 'ru' } })).status()).toBe(404);
    expect((await request.post('/api/views', { data: '{"slug":', headers: { 'content-type': 'application/json' } })).status()).toBe(400);
    expect((await request.post('/api/views', { data: { slug: SEED, locale: 'ru', pad: 'x'.repeat(5000) } })).status()).toBe(413);
    expect((await request.get('/api/views')).status()).toBe(405);
  });

  test('a reader over the rate limit gets 429 with Retry-After, and no more views are counted', async ({ request }) => {
    const reader = freshAddress();
    const before = await storedViews(SEED);
    let refused: Awaited<ReturnType<typeof request.post>> | undefined;
    // BEACON_LIMIT_PER_MINUTE is 60 by default; a minute boundary mid-loop only delays the 429.
    for (let i = 0; i < 200 && !refused; i += 1) {
      const response = await request.post('/api/views', { data: { slug: SEED, locale: 'ru' }, headers: { 'x-forwarded-for': reader, 'user-agent': READER_UA } });
      if (response.status() === 429) refused = response;
      else expect(response.status()).toBe(204);
    }
    expect(refused, 'a 429 within 200 beacons').toBeDefined();
    const retryAfter = Number(refused!.headers()['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await storedViews(SEED)).toBe(before + 1);
  });

  test('reading a story counts one view in the store, and reading it again does not', async ({ browser }) => {
    const story = 'eu-mission-in-armenia';
    const before = await storedViews(story);
    // A reader the store has not seen today. Readers are addresses, and every page of this suite
    // comes from 127.0.0.1 (one reader, one rate limit), so this one comes through the trusted
    // loopback proxy as an address of its own: the header is set on the context and on the
    // beacon's request itself.
    const address = freshAddress();
    const context = await browser.newContext({ userAgent: READER_UA, extraHTTPHeaders: { 'x-forwarded-for': address } });
    const page = await context.newPage();
    await page.route('**/api/views', (route) => route.continue({ headers: { ...route.request().headers(), 'x-forwarded-for': address } }));
    const beacon = page.waitForResponse((res) => res.url().endsWith('/api/views') && res.request().method() === 'POST');
    await openPage(page, `/en/news/${story}`);
    expect((await beacon).status()).toBe(204);
    await expect.poll(() => storedViews(story)).toBe(before + 1);
    const again = page.waitForResponse((res) => res.url().endsWith('/api/views'));
    await page.reload();
    expect((await again).status()).toBe(204);
    expect(await storedViews(story)).toBe(before + 1);
    await context.close();
  });
});
