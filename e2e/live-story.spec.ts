import { cp, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { updateFileName } from '../lib/content/updatesFolder';
import { FRESHNESS_SECONDS } from '../lib/live/freshness';
import { freePorts } from '../scripts/cluster/ports.ts';
import { startProductionServer } from './productionServer';

// Live stories on a server of the e2e build whose content is a copy of the fixtures plus two live
// stories: the bundled example (tests/fixtures/live/, ended) and one still live with 60 updates,
// written here. Plain fetch where no browser is needed.

const ENDED = 'karabakh-ceasefire-night-2020-live';
const LIVE = 'sixty-updates-live';
const START = Date.parse('2026-03-01T08:00:00Z');

/** Update n of the live story (1 = the oldest), n minutes after START, in +04:00. */
function updateFile(n: number, extra = ''): [string, string] {
  const local = new Date(START + n * 60_000 + 4 * 3_600_000).toISOString().slice(0, 16);
  const name = updateFileName(local, `u${n}`, 'en');
  const headline = n % 7 === 0 ? `\nheadline: "Update ${n}"` : '';
  return [name, `---\ntime: ${local}:00+04:00${headline}${extra}\n---\nThe text of update ${n}.\n`];
}

test.describe('a live story', () => {
  test.describe.configure({ mode: 'serial' });
  let root: string;
  let server: Awaited<ReturnType<typeof startProductionServer>>;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    root = await mkdtemp(path.join(tmpdir(), 'live-content-'));
    await cp('tests/fixtures/content', root, { recursive: true });
    await cp(`tests/fixtures/live/${ENDED}`, path.join(root, 'news', ENDED), { recursive: true });
    const folder = path.join(root, 'news', LIVE);
    await mkdir(path.join(folder, 'updates'), { recursive: true });
    await writeFile(path.join(folder, 'en.md'), '---\ntitle: "Sixty updates and counting"\ndate: 2026-03-01T12:00:00+04:00\nsection: diplomacy\nlive: true\n---\nWhat we know so far.\n');
    const flags: Record<number, string> = { 10: '\npinned: true', 5: '\nkeyEvent: true\nheadline: "Talks begin"', 30: '\nkeyEvent: true', 55: '\nkeyEvent: true' };
    for (let n = 1; n <= 60; n += 1) {
      const [name, text] = updateFile(n, flags[n]);
      await writeFile(path.join(folder, 'updates', name), text);
    }
    const [port] = await freePorts(1);
    // The data folder beside the content, as the defaults have it (a data folder inside the
    // content is ignored by the watcher, lib/live/watchContent.ts).
    server = await startProductionServer(port!, { CONTENT_DIR: root, DATA_DIR: `${root}-data`, SITE_URL: `http://localhost:${port}`, NEXT_DIST_DIR: '.next-e2e' });
  });

  test.afterAll(async () => {
    await server?.stop();
    if (root) await Promise.all([root, `${root}-data`].map((folder) => rm(folder, { recursive: true, force: true })));
  });

  test('shows the Live label, the key events, the pinned post and the newest 20 updates, each with its permalink', async ({ page }) => {
    await page.goto(`${server.origin}/en/news/${LIVE}`);
    await expect(page.locator('[data-component="live-status"] [data-component="live-badge"]')).toHaveText('Live');
    await expect(page.locator('[data-component="live-pinned"]')).toHaveAttribute('id', 'update-u10');
    await expect(page.locator('[data-component="live-key-events"] a')).toHaveCount(3);
    await expect(page.locator('[data-component="live-key-events"] a').first()).toHaveAttribute('href', `/en/news/${LIVE}#update-u55`);
    const updates = page.locator('[data-component="live-update"]');
    await expect(updates).toHaveCount(20);
    await expect(updates.first()).toHaveAttribute('id', 'update-u60');
    // Each time is its permalink: it finds the update whatever page holds it by then.
    await expect(updates.first().locator('a').first()).toHaveAttribute('href', `/en/news/${LIVE}?update=u60`);
    await expect(page.locator('[data-component="live-pagination"] a[rel="next"]')).toHaveAttribute('href', `/en/news/${LIVE}?page=2`);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test('a permalink to an update lands on the page that holds it now', async ({ page }) => {
    // Update 15 of 60 is the 45th newest (the pinned one aside): page 3.
    await page.goto(`${server.origin}/en/news/${LIVE}?update=u15`);
    await expect(page).toHaveURL(`${server.origin}/en/news/${LIVE}?page=3#update-u15`);
    await expect(page.locator('#update-u15')).toBeVisible();
    await expect(page.locator('[data-component="live-update"]')).toHaveCount(19);
    await expect(page.locator('[data-component="live-pinned"]')).toHaveCount(0);
    // A later page is cached like page 1: rendered once, then served from Next's cache.
    const later = async () => (await fetch(`${server.origin}/en/news/${LIVE}?page=2`)).headers;
    await later();
    const cached = await later();
    expect(cached.get('cache-control')).toMatch(/^s-maxage=30\b/);
    expect(cached.get('x-served-by')).toBe('next-cache');
    for (const missing of ['?update=nope', '?page=4', '?page=0', '/page/2']) {
      expect((await fetch(`${server.origin}/en/news/${LIVE}${missing}`, { redirect: 'manual' })).status, missing).toBe(404);
    }
  });

  test('an ended live story says so and is LiveBlogPosting data with its coverage times', async () => {
    const html = await (await fetch(`${server.origin}/en/news/${ENDED}`)).text();
    const status = /<p[^>]*data-component="live-status"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
    expect(status).toContain('Live coverage ended');
    expect(status).not.toContain('data-component="live-badge"');
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].flatMap(([, json]) => [JSON.parse(json!)].flat()) as Array<Record<string, unknown>>;
    const blog = blocks.find((block) => block['@type'] === 'LiveBlogPosting')!;
    expect(blog).toMatchObject({ coverageStartTime: '2020-11-09T22:00:00+03:00', coverageEndTime: '2020-11-10T20:00:00+03:00' });
    expect((blog.liveBlogUpdate as unknown[]).length).toBe(10);
  });

  test('listings label the story that is live now', async () => {
    const front = await (await fetch(`${server.origin}/en`)).text();
    expect(front).toMatch(new RegExp(`data-component="live-badge"[^<]*Live</span><a href="/en/news/${LIVE}"`));
    expect(front).not.toMatch(new RegExp(`data-component="live-badge"[^<]*Live</span><a href="/en/news/${ENDED}"`));
  });

  test('a saved update is on the page within the live-edit figure', async () => {
    const [name, text] = updateFile(61, '\nheadline: "Just in"');
    await writeFile(path.join(root, 'news', LIVE, 'updates', name), text);
    await expect
      .poll(async () => (await fetch(`${server.origin}/en/news/${LIVE}`)).text(), { timeout: FRESHNESS_SECONDS * 1000, intervals: [100] })
      .toMatch(/id="update-u61"[\s\S]*Just in/);
  });

  test('a live story that arrives whole while the site runs (moved in with its updates/) takes its later updates', async () => {
    const slug = 'arrived-whole-live';
    const outside = await mkdtemp(path.join(tmpdir(), 'live-story-outside-'));
    await mkdir(path.join(outside, slug, 'updates'), { recursive: true });
    await writeFile(path.join(outside, slug, 'en.md'), '---\ntitle: "Arrived whole"\ndate: 2026-03-01T12:00:00+04:00\nsection: diplomacy\nlive: true\n---\nFirst lines.\n');
    await writeFile(path.join(outside, slug, 'updates', updateFile(1)[0]), updateFile(1)[1]);
    await rename(path.join(outside, slug), path.join(root, 'news', slug));
    await rm(outside, { recursive: true, force: true });
    const page = `${server.origin}/en/news/${slug}`;
    await expect.poll(async () => (await fetch(page)).text(), { timeout: FRESHNESS_SECONDS * 1000, intervals: [100] }).toMatch(/id="update-u1"/);
    const [name, text] = updateFile(2, '\nheadline: "Second, seen"');
    await writeFile(path.join(root, 'news', slug, 'updates', name), text);
    await expect.poll(async () => (await fetch(page)).text(), { timeout: FRESHNESS_SECONDS * 1000, intervals: [100] }).toMatch(/id="update-u2"[\s\S]*Second, seen/);
  });

  test('the poll answers in a few bytes, the same for every reader, 304 when nothing changed, cacheable for seconds, 404 off a live story', async () => {
    const answer = await fetch(`${server.origin}/en/news/${LIVE}/updates`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('public, max-age=5, s-maxage=5');
    // A route handler: no language cookie (nginx would drop it, a browser would store it every 20 s).
    expect(answer.headers.get('set-cookie')).toBeNull();
    const body = (await answer.json()) as { recent: string[]; pinned: string; live: boolean };
    expect(body.recent).toHaveLength(20);
    expect(body).toMatchObject({ pinned: 'u10', live: true });
    expect(body.recent.slice(0, 3)).toEqual(['u61', 'u60', 'u59']);
    const again = await fetch(`${server.origin}/en/news/${LIVE}/updates`, { headers: { 'if-none-match': answer.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(await (await fetch(`${server.origin}/en/news/${ENDED}/updates`)).json()).toMatchObject({ pinned: 'what-statement-says', live: false });
    expect((await fetch(`${server.origin}/en/news/russia-azerbaijan-defence-cooperation/updates`)).status).toBe(404);
  });

  test('with JavaScript, a new update is announced, not pushed in under the reader; a click puts it on top, focused', async ({ page, browser }) => {
    await page.clock.install();
    await page.goto(`${server.origin}/en/news/${LIVE}`);
    await expect(page.locator('[data-component="live-announcer"]')).toHaveAttribute('data-latest', 'u61');
    // The reader has scrolled into the updates: new ones must not move the page.
    await page.locator('#update-u55').scrollIntoViewIfNeeded();
    const [name, text] = updateFile(62, '\nheadline: "Breaking"');
    await writeFile(path.join(root, 'news', LIVE, 'updates', name), text);
    await expect
      .poll(async () => ((await (await fetch(`${server.origin}/en/news/${LIVE}/updates`)).json()) as { recent: string[] }).recent[0], { timeout: FRESHNESS_SECONDS * 1000, intervals: [100] })
      .toBe('u62');
    // One poll interval later.
    await page.clock.runFor(20_000);
    const announcement = page.locator('[data-component="live-new-updates"]');
    await expect(announcement).toHaveText('1 new update');
    await expect(page.locator('[data-component="live-updates"] > article').first()).toHaveAttribute('id', 'update-u61');
    await announcement.click();
    const first = page.locator('[data-component="live-updates"] > article').first();
    await expect(first).toHaveAttribute('id', 'update-u62');
    await expect(first).toBeFocused();
    await expect(announcement).toBeHidden();

    // Without JavaScript the page is complete: a reload shows it.
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const reader = await plain.newPage();
    await reader.goto(`${server.origin}/en/news/${LIVE}`);
    await expect(reader.locator('[data-component="live-updates"] > article').first()).toHaveAttribute('id', 'update-u62');
    await expect(reader.locator('[data-component="live-new-updates"]')).toBeHidden();
    await plain.close();
  });

  test('a newly pinned post reaches a page open at the top, in place of the one pinned before', async ({ page }) => {
    await page.clock.install();
    await page.goto(`${server.origin}/en/news/${LIVE}`);
    await expect(page.locator('[data-component="live-announcer"]')).toHaveAttribute('data-pinned', 'u10');
    const [name, text] = updateFile(63, '\npinned: true');
    await writeFile(path.join(root, 'news', LIVE, 'updates', name), text);
    await expect
      .poll(async () => ((await (await fetch(`${server.origin}/en/news/${LIVE}/updates`)).json()) as { pinned: string }).pinned, { timeout: FRESHNESS_SECONDS * 1000, intervals: [100] })
      .toBe('u63');
    // At the top of the page the script puts it in at once, and says so in its status line.
    await page.clock.runFor(20_000);
    await expect(page.locator('[data-component="live-pinned"]')).toHaveAttribute('id', 'update-u63');
    await expect(page.locator('[data-component="live-pinned"] h3')).toHaveText('Update 63');
    await expect(page.locator('#update-u10')).toHaveCount(0);
    await expect(page.locator('[data-component="live-announcement"]')).toHaveText('1 new update');
    await expect(page.locator('[data-component="live-updates"] > article').first()).toHaveAttribute('id', 'update-u62');
  });

  test('a reader can follow the story in a feed reader, and the card wears a LIVE badge while it is live', async () => {
    const page = await (await fetch(`${server.origin}/en/news/${LIVE}`)).text();
    expect(page).toMatch(new RegExp(`<link rel="alternate" type="application/atom\\+xml" href="[^"]*/en/news/${LIVE}/feed.xml" title="Sixty updates and counting"/>`));
    const feed = await fetch(`${server.origin}/en/news/${LIVE}/feed.xml`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await feed.text();
    expect(xml.match(/<entry>/g)).toHaveLength(50);
    // Newest first: the first entry is the latest update, with its permalink.
    expect(/<entry>[\s\S]*?<id>([^<]*)<\/id>/.exec(xml)?.[1]).toMatch(new RegExp(`/en/news/${LIVE}\\?update=u63$`));
    expect((await fetch(`${server.origin}/en/news/russia-azerbaijan-defence-cooperation/feed.xml`)).status).toBe(404);
    // The card of a live story has a version of its own: it changes when the story goes live or ends.
    const liveCard = /property="og:image" content="([^"]+)"/.exec(page)![1]!;
    const endedCard = /property="og:image" content="([^"]+)"/.exec(await (await fetch(`${server.origin}/en/news/${ENDED}`)).text())![1]!;
    expect((await fetch(new URL(new URL(liveCard).pathname + new URL(liveCard).search, server.origin))).status).toBe(200);
    expect(liveCard).not.toBe(endedCard);
  });
});

