import { expect, test, type Page } from '@playwright/test';
import { openPage, SEED, storedViews } from './helpers';

const HEADINGS = {
  ru: ['Похожие материалы', 'Выбор редакции', 'Популярное'],
  en: ['Related articles', "Editor's choice", 'Popular'],
};
const LISTS = ['related', 'editors-choice', 'popular'];

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
    test.setTimeout(120_000);
    const target = 'black-sea-grain-initiative';
    const ua = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
    for (let reader = 1; reader <= 6; reader += 1) {
      const response = await request.post('/api/views', {
        data: { slug: target, locale: reader % 2 ? 'ru' : 'en' },
        headers: { 'x-forwarded-for': `203.0.113.${reader}`, 'user-agent': ua },
      });
      expect(response.status()).toBe(204);
    }
    // The same reader again, and a bot: neither counts, both are answered 204.
    expect((await request.post('/api/views', { data: { slug: 'tap-pipeline-completed', locale: 'ru' }, headers: { 'x-forwarded-for': '203.0.113.1', 'user-agent': ua } })).status()).toBe(204);
    expect((await request.post('/api/views', { data: { slug: 'tap-pipeline-completed', locale: 'ru' }, headers: { 'x-forwarded-for': '203.0.113.1', 'user-agent': ua } })).status()).toBe(204);
    expect((await request.post('/api/views', { data: { slug: 'tap-pipeline-completed', locale: 'ru' }, headers: { 'user-agent': 'Googlebot/2.1' } })).status()).toBe(204);

    // The front page renders per request: Popular follows within seconds.
    await expect(async () => {
      await page.goto('/ru');
      expect((await storySlugs(page, '[data-component="popular"]'))[0]).toBe(target);
    }).toPass({ timeout: 30_000, intervals: [1_000] });

    // Story pages are served from cache and regenerated in the background: within a minute.
    const started = Date.now();
    await expect(async () => {
      const response = await page.goto(`/ru/news/${SEED}`);
      expect(response?.headers()['cache-control']).toMatch(/s-maxage=30/);
      expect((await storySlugs(page, '[data-component="popular"]'))[0]).toBe(target);
    }).toPass({ timeout: 75_000, intervals: [2_000] });
    expect(Date.now() - started).toBeLessThan(75_000);
  });

  test('the beacon rejects what is not a view', async ({ request }) => {
    expect((await request.post('/api/views', { data: { slug: 'no-such-story', locale: 'ru' } })).status()).toBe(404);
    expect((await request.post('/api/views', { data: '{"slug":', headers: { 'content-type': 'application/json' } })).status()).toBe(400);
    expect((await request.post('/api/views', { data: { slug: SEED, locale: 'ru', pad: 'x'.repeat(5000) } })).status()).toBe(413);
    expect((await request.get('/api/views')).status()).toBe(405);
  });

  test('reading a story counts one view in the store, and reading it again does not', async ({ browser }) => {
    const story = 'eu-mission-in-armenia';
    const before = await storedViews(story);
    // A reader the store has not seen today: its own user agent.
    const context = await browser.newContext({ userAgent: `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.${Date.now()}.0 Safari/537.36` });
    const page = await context.newPage();
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
