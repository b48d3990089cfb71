import { expect, test } from '@playwright/test';
import { ENGLISH_UI_WORDS, openPage, SEED, SEED_EN_TITLE, SEED_RU_TITLE, textInPageLanguage } from './helpers';

test.describe('a reader opens the seed story', () => {
  test('in Russian, with a fully Russian page', async ({ page }) => {
    await openPage(page, `/ru/news/${SEED}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page).toHaveTitle(new RegExp(SEED_RU_TITLE));
    const story = page.locator('[data-component="story"]');
    await expect(story.getByRole('heading', { level: 1 })).toHaveText(SEED_RU_TITLE);
    await expect(story.locator('[data-component="story-section"]')).toHaveText('Безопасность');
    await expect(story.locator('time').first()).toHaveText(/^15 августа 2016/);
    await expect(story.locator('time').first()).toHaveAttribute('datetime', '2016-08-15T09:00:00+04:00');
    await expect(story.locator('[data-component="story-body"]')).toContainText('Ильхам Алиев встретился с министром обороны России');
    const source = story.locator('[data-component="story-source"]');
    await expect(source).toHaveText('Источник: commonspace.eu');
    await expect(source.getByRole('link')).toHaveAttribute('href', /^https:\/\/www\.commonspace\.eu/);
    const figure = story.locator('figure');
    await expect(figure.locator('figcaption')).toContainText('Президент Азербайджана Алиев принимает делегацию');
    await expect(figure.locator('img')).toHaveAttribute('alt', /Иллюстрация/);
    expect(await figure.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expect(story.locator('[data-component="story-tags"] a')).toHaveText(['Россия', 'Азербайджан', 'Оборона', 'Карабах']);
    await expect(page.locator('aside')).toBeVisible();
    const text = await textInPageLanguage(page);
    expect(text).not.toMatch(/\b(?:the|and|of|Source|Latest|Related|Popular)\b/);
    for (const word of ENGLISH_UI_WORDS) expect(text, `"${word}" on a Russian page`).not.toContain(word);
  });

  test('in English, with a fully English page', async ({ page }) => {
    await openPage(page, `/en/news/${SEED}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const story = page.locator('[data-component="story"]');
    await expect(story.getByRole('heading', { level: 1 })).toHaveText(SEED_EN_TITLE);
    await expect(story.locator('[data-component="story-section"]')).toHaveText('Security');
    await expect(story.locator('time').first()).toHaveText('August 15, 2016');
    await expect(story.locator('[data-component="story-source"]')).toHaveText('Source: commonspace.eu');
    await expect(story.locator('[data-component="dateline"]')).toContainText('min read');
    await expect(story.locator('[data-component="story-tags"] a')).toHaveText(['Russia', 'Azerbaijan', 'Defence', 'Karabakh']);
    expect(await textInPageLanguage(page)).not.toMatch(/[А-Яа-яЁё]/);
  });

  test('tag and section links lead to their listings', async ({ page }) => {
    await openPage(page, `/ru/news/${SEED}`);
    await page.locator('[data-component="story-tags"]').getByRole('link', { name: 'Карабах' }).click();
    await expect(page).toHaveURL('/ru/tag/karabakh');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Тег: Карабах');
    await expect(page.locator('[data-component="story-card"]').filter({ hasText: 'Россия и Азербайджан обсуждают' })).toHaveCount(1);
  });

  test('a story without a version in the UI locale shows the original with a notice', async ({ page }) => {
    await openPage(page, '/en/news/azerbaijan-abolishes-daylight-saving-time');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('[data-component="untranslated-notice"]')).toHaveText(
      'This story is not yet available in English. It is shown in the original language (Russian).',
    );
    const article = page.locator('article[data-component="story"]');
    await expect(article).toHaveAttribute('lang', 'ru');
    await expect(article.getByRole('heading', { level: 1 })).toHaveText('Азербайджан отказался от перехода на летнее время');
    await expect(article.locator('[data-component="story-section"]')).toHaveText('Politics');
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/ru\/news\/azerbaijan-abolishes-daylight-saving-time$/);
  });

  test('prints the story alone with its address', async ({ page }) => {
    await openPage(page, `/ru/news/${SEED}`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('[data-component="story"] h1')).toBeVisible();
    await expect(page.locator('header.site-header')).toBeHidden();
    await expect(page.locator('aside')).toBeHidden();
    await expect(page.locator('footer.site-footer')).toBeHidden();
    await expect(page.locator('[data-component="print-url"]')).toBeVisible();
    await expect(page.locator('[data-component="print-url"]')).toHaveText(new RegExp(`^https?://[^/]+/ru/news/${SEED}$`));
  });

  test('follows a dark colour scheme', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openPage(page, `/ru/news/${SEED}`);
    const background = await page.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
    expect(background).toBe('rgb(20, 20, 20)');
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await page.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
    expect(light).toBe('rgb(251, 250, 247)');
  });

  test('nothing moves after load (cumulative layout shift under 0.01)', async ({ page }) => {
    for (const path of [`/ru/news/${SEED}`, '/en']) {
      await openPage(page, path);
      const shift = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let total = 0;
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
                if (!entry.hadRecentInput) total += entry.value;
              }
            }).observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => resolve(total), 1500);
          }),
      );
      expect(shift, path).toBeLessThan(0.01);
    }
  });

  test('on a phone the sidebars come after the story; on a wide screen beside it', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openPage(page, `/ru/news/${SEED}`);
    const story = (await page.locator('article[data-component="story"]').boundingBox())!;
    const aside = (await page.locator('aside[data-component="sidebar"]').boundingBox())!;
    expect(aside.y).toBeGreaterThanOrEqual(story.y + story.height);
    expect(story.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
    const wideStory = (await page.locator('article[data-component="story"]').boundingBox())!;
    const wideAside = (await page.locator('aside[data-component="sidebar"]').boundingBox())!;
    expect(wideAside.x).toBeGreaterThan(wideStory.x + wideStory.width);
    expect(wideAside.y).toBeLessThan(wideStory.y + 200);
  });
});
