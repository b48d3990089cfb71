import { expect, test } from '@playwright/test';
import { openPage, SEED, SEED_RU_TITLE } from './helpers';

test.use({ javaScriptEnabled: false });

test.describe('a reader without JavaScript', () => {
  test('gets the whole story: text, photo, navigation and sidebar', async ({ page }) => {
    await openPage(page, `/ru/news/${SEED}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_RU_TITLE);
    await expect(page.locator('[data-component="story-body"] p')).toHaveCount(2);
    const image = page.locator('figure img');
    await expect(image).toBeVisible();
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect(page.getByRole('navigation', { name: 'Разделы' }).getByRole('link')).toHaveCount(6);
    await expect(page.locator('aside a').first()).toBeVisible();
    expect(await page.locator('aside a[href^="/ru/news/"]').count()).toBeGreaterThanOrEqual(3);
  });

  test('can switch language and page through listings', async ({ page }) => {
    await openPage(page, `/ru/news/${SEED}`);
    await page.locator('[data-component="locale-switcher"] a[hreflang="en"]').click();
    await expect(page).toHaveURL(`/en/news/${SEED}`);
    await openPage(page, '/en/archive');
    await page.getByRole('link', { name: 'Older stories' }).click();
    await expect(page).toHaveURL('/en/archive?page=2');
    await expect(page.locator('[data-component="story-card"]').first()).toBeVisible();
  });
});
