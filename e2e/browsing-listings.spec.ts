import { expect, test } from '@playwright/test';
import { openPage } from './helpers';

test.describe('a reader browses listings', () => {
  test('the front page has a lead story, the latest stories and a sidebar', async ({ page }) => {
    await openPage(page, '/ru');
    await expect(page.locator('[data-component="lead-story"] h2')).toHaveCount(1);
    const dates = await page.locator('[data-component="story-card"] time').evaluateAll((times) => times.map((t) => Date.parse(t.getAttribute('datetime')!)));
    expect(dates[0], 'the lead is the newest story').toBe(Math.max(...dates));
    await expect(page.locator('[data-component="story-list"] [data-component="story-card"]')).toHaveCount(8);
    await expect(page.locator('aside h2').first()).toBeVisible();
  });

  test('the archive pages through every story, newest first', async ({ page }) => {
    await openPage(page, '/en/archive');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Archive');
    await expect(page.locator('[data-component="listing"] > h2').first()).toHaveText('20 stories');
    await expect(page.locator('[data-component="story-card"]')).toHaveCount(10);
    const dates = await page.locator('[data-component="story-card"] time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')!));
    expect(dates.map((d) => Date.parse(d))).toEqual([...dates.map((d) => Date.parse(d))].sort((a, b) => b - a));
    await expect(page.locator('[data-component="pagination"]')).toContainText('Page 1 of 2');
    await page.getByRole('link', { name: 'Older stories' }).click();
    await expect(page).toHaveURL('/en/archive?page=2');
    await expect(page.locator('[data-component="story-card"]')).toHaveCount(10);
    await expect(page.getByRole('link', { name: 'Newer stories' })).toHaveAttribute('href', '/en/archive');
  });

  test('the Russian archive counts stories with Russian plurals and lists the Russian-only one', async ({ page }) => {
    await openPage(page, '/ru/archive?page=2');
    await expect(page.locator('[data-component="listing"] > h2').first()).toHaveText('21 материал');
    await expect(page.locator('[data-component="pagination"]')).toContainText('Страница 2 из 3');
  });

  test('a section lists only its stories', async ({ page }) => {
    await openPage(page, '/en/section/energy');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Energy');
    await expect(page.locator('[data-component="card-section"]')).toHaveText(['Energy', 'Energy', 'Energy']);
  });

  test('the section navigation reaches every section', async ({ page }) => {
    await openPage(page, '/ru');
    const nav = page.getByRole('navigation', { name: 'Разделы' });
    await expect(nav.getByRole('link')).toHaveText(['Политика', 'Безопасность', 'Экономика', 'Дипломатия', 'Энергетика', 'Архив']);
    await nav.getByRole('link', { name: 'Дипломатия' }).click();
    await expect(page).toHaveURL('/ru/section/diplomacy');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Дипломатия');
  });
});
