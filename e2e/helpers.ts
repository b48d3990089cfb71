import { createClient } from '@libsql/client';
import { expect, type Page } from '@playwright/test';

export const SEED = 'russia-azerbaijan-defence-cooperation';
export const SEED_RU_TITLE = 'Россия и Азербайджан обсуждают сотрудничество в сфере обороны';
export const SEED_EN_TITLE = 'Russia and Azerbaijan discuss defence cooperation';
/** A story written in Russian only (no en.md). */
export const RU_ONLY = 'azerbaijan-abolishes-daylight-saving-time';

/** Opens a page and checks the server answered it (not a 404 that merely looks like a page). */
export async function openPage(page: Page, path: string, status = 200) {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(status);
  return response!;
}

/** Words of the English UI that must never appear on a Russian page. */
export const ENGLISH_UI_WORDS = [
  'Related articles',
  "Editor's choice",
  'Popular',
  'Source:',
  'Latest',
  'Archive',
  'Skip to content',
  'min read',
  'Page not found',
  'Tags',
];

/** The page's visible text, leaving out elements marked as another language (the switcher's "English"). */
export async function textInPageLanguage(page: Page): Promise<string> {
  return page.locator('body').evaluate((body) => {
    const lang = document.documentElement.lang;
    const copy = body.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(`[lang]:not([lang="${lang}"])`).forEach((element) => element.remove());
    copy.querySelectorAll('script, style, .sr-only').forEach((element) => element.remove());
    document.body.append(copy);
    const text = copy.innerText;
    copy.remove();
    return text;
  });
}

/** Today's counted views of a story in the e2e server's SQLite store (VIEWS_DB in playwright.config.ts). */
export async function storedViews(slug: string): Promise<number> {
  const db = createClient({ url: 'file:reports/e2e-views.db' });
  try {
    const result = await db.execute({ sql: 'SELECT count FROM views WHERE day = ? AND slug = ?', args: [new Date().toISOString().slice(0, 10), slug] });
    return Number(result.rows[0]?.count ?? 0);
  } finally {
    db.close();
  }
}

/**
 * The text of every child sitemap the index at /sitemap.xml names, in its order. Their `<loc>` is on
 * SITE_URL's origin, which need not be the test server's, so each child is fetched by its path.
 */
export async function childSitemaps(get: (path: string) => Promise<string>): Promise<string[]> {
  const index = await get('/sitemap.xml');
  expect(index).toContain('<sitemapindex');
  const paths = [...index.matchAll(/<sitemap>\s*<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!.replace(/&amp;/g, '&')).pathname);
  expect(paths.length, 'child sitemaps named by /sitemap.xml').toBeGreaterThan(0);
  return Promise.all(paths.map(get));
}
