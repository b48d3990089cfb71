import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openPage, SEED, SEED_EN_TITLE, SEED_RU_TITLE } from './helpers';

// Queries name stories of content/ (the seed, the two gas pipelines, Shoigu's visit), never how
// many stories there are: the counts come from the page and the assertions follow them.

const RESULT = '[data-component="search-result"]';

function headerSearch(page: Page, locale: 'ru' | 'en') {
  return page.getByRole('search', { name: locale === 'ru' ? 'Поиск по сайту' : 'Site search' });
}

async function resultCount(page: Page): Promise<number> {
  const text = await page.locator('[data-component="search-count"]').textContent();
  return Number(/\d+/.exec(text ?? '')?.[0]);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`searching from the header with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('on a Russian page, finds the seed story with the words marked', async ({ page }) => {
      await openPage(page, `/ru/news/${SEED}`);
      const form = headerSearch(page, 'ru');
      await form.getByLabel('Искать на сайте').fill('сотрудничество обороны');
      await form.getByRole('button', { name: 'Найти' }).click();
      await expect(page).toHaveURL(/\/ru\/search\?q=/);
      await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Поиск');
      await expect(page.locator(RESULT).first().getByRole('heading', { level: 2 })).toHaveText(SEED_RU_TITLE);
      await expect(page.locator(RESULT).first().getByRole('link', { name: SEED_RU_TITLE })).toHaveAttribute('href', `/ru/news/${SEED}`);
      await expect(page.locator(RESULT).first().locator('mark').first()).toHaveText(/^(сотрудничеств|оборон)/i);
      await expect(page.locator('[data-component="search-count"]')).toHaveText(/^Найдено: \d+ материал(а|ов)?$/);
      await expect(page.getByRole('searchbox', { name: 'Что искать' })).toHaveValue('сотрудничество обороны');
    });

    test('on an English page, finds the seed story by pressing Enter', async ({ page }) => {
      await openPage(page, '/en');
      const box = headerSearch(page, 'en').getByLabel('Search the site');
      await box.fill('defence cooperation');
      await box.press('Enter');
      await expect(page).toHaveURL('/en/search?q=defence+cooperation');
      await expect(page.locator(RESULT).first().getByRole('heading', { level: 2 })).toHaveText(SEED_EN_TITLE);
      await expect(page.locator('[data-component="search-count"]')).toHaveText(/^\d+ stor(y|ies) found$/);
    });
  });
}

test.describe('the search page', () => {
  test('is not for search engines and is cached briefly', async ({ page }) => {
    const response = await openPage(page, '/en/search?q=gas');
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    expect(response.headers()['cache-control']).toContain('max-age=60');
  });

  test('puts the headline match first and marks every form of the word', async ({ page }) => {
    await openPage(page, '/ru/search?q=газопровод');
    const first = page.locator(RESULT).first();
    await expect(first.getByRole('link', { name: /газопровод/i })).toHaveAttribute('href', /\/ru\/news\/(tanap-pipeline-inauguration|tap-pipeline-completed)$/);
    await expect(first.locator('h2 mark')).toHaveText([/^газопровод/i]);
    await expect(first.locator('[data-component="search-snippet"] mark').first()).toHaveText(/^газопровод/i);
  });

  test('filters by section and year through the form, and sorts by date', async ({ page }) => {
    await openPage(page, '/en/search?q=gas');
    const form = page.getByRole('search', { name: 'Search options' });
    await form.getByLabel('Section').selectOption('energy');
    await form.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/section=energy/);
    const sections = page.locator(`${RESULT} p:first-child a`);
    await expect(sections.first()).toHaveText('Energy');
    expect(new Set(await sections.allTextContents())).toEqual(new Set(['Energy']));

    await page.getByRole('search', { name: 'Search options' }).getByLabel('Year').selectOption('2018');
    await page.getByRole('search', { name: 'Search options' }).getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/year=2018/);
    const years = await page.locator(`${RESULT} time`).evaluateAll((times) => times.map((t) => t.getAttribute('datetime')!.slice(0, 4)));
    expect(years.length).toBeGreaterThan(0);
    expect(new Set(years)).toEqual(new Set(['2018']));

    await openPage(page, '/en/search?q=gas&sort=date');
    await expect(page.getByRole('search', { name: 'Search options' }).getByLabel('Order')).toHaveValue('date');
    const dates = await page.locator(`${RESULT} time`).evaluateAll((times) => times.map((t) => Date.parse(t.getAttribute('datetime')!)));
    expect(dates.length).toBeGreaterThan(1);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  test('pages through results like the listings, keeping the query', async ({ page }) => {
    await openPage(page, '/ru/search?q=Россия');
    const total = await resultCount(page);
    expect(total).toBeGreaterThan(0);
    if (total <= 10) {
      await expect(page.locator('[data-component="pagination"]')).toHaveCount(0);
      return;
    }
    await expect(page.locator(RESULT)).toHaveCount(10);
    await page.getByRole('link', { name: /Следующая страница/ }).click();
    await expect(page).toHaveURL(/\/ru\/search\?q=%D0%A0%D0%BE%D1%81%D1%81%D0%B8%D1%8F&page=2$/);
    await expect(page.locator(RESULT)).toHaveCount(Math.min(10, total - 10));
    await expect(page.getByRole('link', { name: /Предыдущая страница/ })).toHaveAttribute('href', '/ru/search?q=%D0%A0%D0%BE%D1%81%D1%81%D0%B8%D1%8F');
  });

  test('counts with Russian plurals', async ({ page }) => {
    await openPage(page, '/ru/search?q=Шойгу');
    const total = await resultCount(page);
    const mod10 = total % 10;
    const mod100 = total % 100;
    const form = mod10 === 1 && mod100 !== 11 ? 'материал' : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? 'материала' : 'материалов';
    await expect(page.locator('[data-component="search-count"]')).toHaveText(`Найдено: ${total} ${form}`);
  });

  test('says when nothing matched, suggests a spelling and offers sections and the latest stories', async ({ page }) => {
    await openPage(page, '/ru/search?q=газапрвод');
    const none = page.locator('[data-component="search-no-results"]');
    await expect(none).toContainText('По запросу «газапрвод» ничего не найдено.');
    await expect(page.locator('[data-component="search-suggestion"]')).toHaveText('газопровод');
    await expect(none.getByRole('navigation').getByRole('link').first()).toHaveAttribute('href', /^\/ru\/section\//);
    await expect(none.locator('[data-component="story-card"]').first()).toBeVisible();
    await page.locator('[data-component="search-suggestion"]').click();
    await expect(page.locator(RESULT).first()).toBeVisible();
  });

  test('links the matches in the other language', async ({ page }) => {
    await openPage(page, '/ru/search?q=Shoigu');
    const elsewhere = page.locator('[data-component="search-elsewhere"]');
    await expect(elsewhere).toHaveText(/^\d+ материал(а|ов)? на английском$/);
    await elsewhere.click();
    await expect(page).toHaveURL('/en/search?q=Shoigu');
    await expect(page.locator(RESULT).first()).toContainText('Shoigu');
  });

  test('asks for words when the query is empty, and never shows a query as markup', async ({ page }) => {
    await openPage(page, '/en/search?q=%20%20');
    await expect(page.locator('[data-component="search-page"]')).toContainText('Type the words you are looking for.');
    await openPage(page, '/en/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    await expect(page.getByRole('searchbox', { name: 'Search for' })).toHaveValue('<script>alert(1)</script>');
    await expect(page.locator('[data-component="search-no-results"]')).toContainText('<script>alert(1)</script>');
    await expect(page.locator('main script')).toHaveCount(0);
  });

  test('answers hostile queries with a page or a 4xx, never a 5xx', async ({ request }) => {
    const long = encodeURIComponent('газ '.repeat(800));
    const hostile = [
      '/ru/search?q=%00%01%1b',
      `/ru/search?q=${'a'.repeat(10_000)}`,
      `/ru/search?q=${long}`,
      '/ru/search?q=%22unbalanced',
      '/ru/search?q=(%5B.*%2B%3F%5E%24%7B%7D%7C',
      "/ru/search?q='%20OR%201%3D1%3B--",
      '/ru/search?q=a&q=b',
      '/ru/search?q=gas&page=99999999999999',
      '/ru/search?q=gas&page=abc',
      '/en/search?q=gas&section=__proto__&tag=constructor&year=abcd&sort=x',
    ];
    for (const path of hostile) {
      const response = await request.get(path);
      expect(response.status(), path).toBeLessThan(500);
      expect(await response.text(), path).not.toContain('<script>alert');
    }
    expect((await request.get('/ru/search?q=gas&page=abc')).status()).toBe(404);
    // Over the 200-character cap but under the server's 2,048-character URL limit (414 past it).
    const shortened = await request.get(`/ru/search?q=${'газ%20'.repeat(60)}`);
    expect(await shortened.text()).toContain('Запрос слишком длинный');
  });

  test('shows a page past the end as a message with the way back', async ({ page }) => {
    await openPage(page, '/en/search?q=gas&page=999');
    await expect(page.locator('[data-component="search-page"]')).toContainText('There are no results on this page.');
    await expect(page.getByRole('link', { name: 'Go to the first page of results' })).toHaveAttribute('href', '/en/search?q=gas');
  });
});

test.describe('the browser’s search', () => {
  test('every page links an OpenSearch description of its language', async ({ page, request }) => {
    await openPage(page, `/en/news/${SEED}`);
    await expect(page.locator('link[rel="search"]')).toHaveAttribute('href', '/en/opensearch.xml');
    await expect(page.locator('link[rel="search"]')).toHaveAttribute('type', 'application/opensearchdescription+xml');
    const response = await request.get('/ru/opensearch.xml');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/opensearchdescription+xml');
    expect(await response.text()).toMatch(/template="[^"]+\/ru\/search\?q=\{searchTerms\}"/);
  });
});

test.describe('the 404 page helps', () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}: a search pre-filled from the address, the site’s frame and the latest stories`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await openPage(page, '/ru/news/azerbaydzhan-gaz', 404);
      await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Страница не найдена');
      await expect(page.getByRole('navigation', { name: 'Разделы' }).getByRole('link').first()).toBeVisible();
      await expect(page.locator('[data-component="site-footer"]')).toBeVisible();
      const box = page.getByRole('search', { name: 'Найти материал' }).getByRole('searchbox');
      await expect(box).toHaveValue('azerbaydzhan gaz');
      await expect(page.locator('[data-component="latest-stories"] [data-component="story-card"]').first()).toBeVisible();
      await page.getByRole('search', { name: 'Найти материал' }).getByRole('button', { name: 'Найти' }).click();
      await expect(page).toHaveURL('/ru/search?q=azerbaydzhan+gaz');
      await context.close();
    });
  }

  test('in English for an unknown English address', async ({ page }) => {
    await openPage(page, '/en/news/russia-azerbaijan-defence', 404);
    await expect(page.getByRole('search', { name: 'Find a story' }).getByRole('searchbox')).toHaveValue('russia azerbaijan defence');
  });
});

test.describe('accessibility of search (axe, WCAG 2.1 AA)', () => {
  const pages: Array<[string, number]> = [
    ['/ru/search?q=газопровод', 200],
    ['/en/search?q=gas&section=energy', 200],
    ['/ru/search?q=газапрвод', 200],
    ['/en/search', 200],
    ['/ru/news/azerbaydzhan-gaz', 404],
    ['/en/no/such/page', 404],
  ];
  for (const [path, status] of pages) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`${path} in ${colorScheme} has no violations`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await openPage(page, path, status);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
    }
  }
});
