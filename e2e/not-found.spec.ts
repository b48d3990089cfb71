import { expect, test } from '@playwright/test';
import { openPage } from './helpers';

test.describe('a reader follows a broken link', () => {
  const missing: Array<[string, 'ru' | 'en']> = [
    ['/ru/news/no-such-story', 'ru'],
    ['/en/news/no-such-story', 'en'],
    ['/ru/section/sport', 'ru'],
    ['/en/tag/no-such-tag', 'en'],
    ['/ru/tag/constructor', 'ru'],
    ['/en/archive?page=99', 'en'],
    ['/ru/archive?page=0', 'ru'],
    ['/ru/archive?page=-1', 'ru'],
    ['/ru/section/energy?page=abc', 'ru'],
    ['/ru?page=2.5', 'ru'],
    ['/en/some/unknown/path', 'en'],
  ];
  for (const [path, locale] of missing) {
    test(`${path} is a server-rendered localized 404`, async ({ page }) => {
      await openPage(page, path, 404);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(locale === 'ru' ? 'Страница не найдена' : 'Page not found');
      await expect(page.getByRole('link', { name: locale === 'ru' ? 'На главную' : 'Go to the front page' })).toHaveAttribute('href', `/${locale}`);
    });
  }

  test('an unknown locale is a 404 in the reader’s language', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'en-US', javaScriptEnabled: false });
    const page = await context.newPage();
    await openPage(page, '/de/news/russia-azerbaijan-defence-cooperation', 404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await context.close();
  });

  test('the 404 page is complete without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await openPage(page, '/ru/news/no-such-story', 404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Страница не найдена');
    await context.close();
  });

  test('hostile paths get a 4xx, never a 5xx, and never content from outside the content root', async ({ request }) => {
    const hostile = [
      '/ru/news/%E0%A4%A',
      '/ru/news/%00',
      '/ru/news/..%2F..%2F..%2Fetc%2Fpasswd',
      '/ru/news/%2e%2e%2f%2e%2e%2fpackage.json',
      '/media/russia-azerbaijan-defence-cooperation/..%2Fru.md',
      '/media/russia-azerbaijan-defence-cooperation/ru.md',
      '/media/..%2F..%2Fpackage.json/photo.jpg',
      `/ru/news/${'a'.repeat(5000)}`,
      '/ru/tag/%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      '/en/section/__proto__',
    ];
    for (const path of hostile) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBeGreaterThanOrEqual(400);
      expect(response.status(), path).toBeLessThan(500);
      const body = await response.text();
      expect(body, path).not.toContain('root:x:0');
      expect(body, path).not.toContain('"dependencies"');
      expect(body, path).not.toContain('title: ');
      expect(body, path).not.toContain('<script>alert(1)');
    }
  });

  test('a client’s copy of the site’s own headers chooses nothing on a 404', async ({ request }) => {
    // x-not-found-locale and x-not-found-path are how the proxy tells the 404 page its language and
    // the words of the missing address; from a client they are removed at the first layer.
    const forged = { 'x-not-found-locale': 'en', 'x-not-found-path': '/en/call-this-number' };
    for (const path of ['/media/x', '/api/x', '/ru/news/no-such-story', '/wp-login.php']) {
      const response = await request.get(path, { headers: { ...forged, 'accept-language': 'ru' } });
      expect(response.status(), path).toBe(404);
      const html = await response.text();
      expect(html, path).toContain('<html lang="ru"');
      expect(html, path).toContain('Страница не найдена');
      expect(html, path).not.toContain('call this number');
      expect(html, path).not.toContain('Page not found');
    }
  });

  test('what scanners ask for at the root gets the site’s localized 404, and the real root files are served', async ({ request }) => {
    for (const [path, language, heading] of [
      ['/wp-login.php', 'en-US,en;q=0.9', 'Page not found'],
      ['/xmlrpc.php', 'ru', 'Страница не найдена'],
      ['/.env', 'en', 'Page not found'],
    ] as const) {
      const response = await request.get(path, { headers: { 'accept-language': language } });
      expect(response.status(), path).toBe(404);
      const html = await response.text();
      expect(html, path).not.toContain('__next_error__');
      expect(html, path).toContain(`<html lang="${language.slice(0, 2)}"`);
      expect(html, path).toContain(heading);
    }
    for (const [path, type] of [
      ['/robots.txt', 'text/plain'],
      ['/sitemap.xml', 'application/xml'],
      ['/news-sitemap.xml', 'application/xml'],
      ['/icon.svg', 'image/svg+xml'],
      ['/logo.png', 'image/png'],
    ]) {
      const response = await request.get(path!);
      expect(response.status(), path).toBe(200);
      expect(response.headers()['content-type'], path).toContain(type);
    }
  });
});
