import { expect, test } from '@playwright/test';
import { openPage, SEED, SEED_EN_TITLE, SEED_RU_TITLE } from './helpers';

test.describe('a reader switches language', () => {
  test('the switcher is a plain link to the same story in each other language', async ({ page }) => {
    await openPage(page, `/ru/news/${SEED}`);
    await expect(page.locator('[data-component="locale-switcher"] a')).toHaveText(['English', 'Հայերեն']);
    const link = page.locator('[data-component="locale-switcher"] a[hreflang="en"]');
    await expect(link).toHaveText('English');
    await expect(link).toHaveAttribute('href', `/en/news/${SEED}`);
    await expect(link).toHaveAttribute('hreflang', 'en');
    await link.click();
    await expect(page).toHaveURL(`/en/news/${SEED}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_EN_TITLE);
    await page.locator('[data-component="locale-switcher"] a[hreflang="ru"]').click();
    await expect(page).toHaveURL(`/ru/news/${SEED}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_RU_TITLE);
  });

  test('listings switch to the same listing', async ({ page }) => {
    await openPage(page, '/ru/section/energy');
    await expect(page.locator('[data-component="locale-switcher"] a[hreflang="en"]')).toHaveAttribute('href', '/en/section/energy');
    await expect(page.locator('[data-component="locale-switcher"] a[hreflang="hy"]')).toHaveAttribute('href', '/hy/section/energy');
  });

  test('the root follows the locale cookie, then Accept-Language, then Russian', async ({ browser, baseURL }) => {
    const english = await browser.newContext({ locale: 'en-US' });
    const englishPage = await english.newPage();
    await englishPage.goto('/');
    await expect(englishPage).toHaveURL(`${baseURL}/en`);
    await english.close();

    const russian = await browser.newContext({ locale: 'ru-RU' });
    const russianPage = await russian.newPage();
    await russianPage.goto('/');
    await expect(russianPage).toHaveURL(`${baseURL}/ru`);
    // A reader who chose English keeps it, whatever the browser says.
    await russian.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }]);
    await russianPage.goto('/');
    await expect(russianPage).toHaveURL(`${baseURL}/en`);
    await russian.close();

    const other = await browser.newContext({ locale: 'de-DE', extraHTTPHeaders: { 'accept-language': 'de-DE,fr;q=0.8' } });
    const otherPage = await other.newPage();
    await otherPage.goto('/');
    await expect(otherPage).toHaveURL(`${baseURL}/ru`);
    await other.close();
  });
});
