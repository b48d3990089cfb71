import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openPage, SEED } from './helpers';

const pages = [`/ru/news/${SEED}`, `/en/news/${SEED}`, '/ru', '/en', '/ru/archive', '/en/news/azerbaijan-abolishes-daylight-saving-time'];

test.describe('accessibility (axe, WCAG 2.1 AA)', () => {
  for (const path of pages) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`${path} in ${colorScheme} has no violations`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await openPage(page, path);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
    }
  }

  test('the skip link is the first thing a keyboard reaches and leads to the content', async ({ page }) => {
    await openPage(page, `/ru/news/${SEED}`);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Перейти к содержанию' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp('#content$'));
  });
});
