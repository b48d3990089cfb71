import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FRESHNESS_SECONDS } from '../lib/live/freshness';
import { startLiveServer } from './live-server';

/**
 * A story written to attack its readers renders inert: on its page, in listings and sidebars,
 * and in its feed, opened in Chromium. Each payload would set window.__pwned or open a dialog.
 */
const SLUG = 'hostile-story';
const TITLE = 'Hostile <script>window.__pwned=1</script> ]]> ]]> --> \u2028 title';
const BODY = [
  'First paragraph <img src=x onerror="window.__pwned=2"> with raw HTML.',
  '',
  '[a javascript link](javascript:window.__pwned=3) and [a data link](data:text/html,<script>window.__pwned=4</script>)',
  '',
  '<svg><script>window.__pwned=5</script></svg> <math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=6"></style></mglyph></table></mtext></math>',
  '',
  '<iframe src="javascript:window.__pwned=7"></iframe> <a href="#" onclick="window.__pwned=8">click</a>',
].join('\n');

let server: Awaited<ReturnType<typeof startLiveServer>>;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  server = await startLiveServer(3293);
  const folder = path.join(server.root, 'news', SLUG);
  await mkdir(folder, { recursive: true });
  const date = new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
  await writeFile(path.join(folder, 'en.md'), `---\ntitle: ${JSON.stringify(TITLE)}\ndate: ${date}\nsection: politics\n---\n${BODY}\n`);
  await expect.poll(async () => (await fetch(`${server.origin}/en/news/${SLUG}`)).status, { timeout: FRESHNESS_SECONDS * 1000, intervals: [100] }).toBe(200);
});
test.afterAll(async () => {
  await server?.stop();
});

for (const [what, path] of [
  ['the story page', `/en/news/${SLUG}`],
  ['the front page that lists it', '/en'],
  ['the feed', '/en/feed.xml'],
  ['the Atom feed', '/en/atom.xml'],
  ['a story page with it in a sidebar', '/en/news/russia-azerbaijan-defence-cooperation'],
] as const) {
  test(`no script runs on ${what}`, async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const response = await page.goto(server.origin + path);
    expect(response?.status()).toBe(200);
    // The click handler, if it survived, would run now.
    const link = page.getByRole('link', { name: 'click' });
    if ((await link.count()) > 0) await link.first().click({ trial: false }).catch(() => undefined);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
}

test('the payloads are shown as text where text belongs, and links are stripped of their scheme', async ({ page }) => {
  await page.goto(`${server.origin}/en/news/${SLUG}`);
  await expect(page.locator('h1')).toContainText('Hostile <script>window.__pwned=1</script>');
  const hrefs = await page.locator('article a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.filter((href) => /^(javascript|data):/i.test(href))).toEqual([]);
  await expect(page.locator('article iframe, article svg script, article [onerror], article [onclick]')).toHaveCount(0);
});
