import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FRESHNESS_SECONDS } from '../lib/live/freshness';
import { childSitemaps, RU_ONLY, SEED, SEED_RU_TITLE } from './helpers';
import { startLiveServer } from './live-server';

// Editors change files under CONTENT_DIR on a running production server; readers see it within
// the freshness figure (far below the 30 s ISR interval, so a broken targeted re-render fails).
const LIVE_MS = FRESHNESS_SECONDS * 1000;
const poll = { timeout: LIVE_MS, intervals: [100] };
let server: Awaited<ReturnType<typeof startLiveServer>>;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  server = await startLiveServer(3291);
});
test.afterAll(async () => {
  await server?.stop();
});

const page = (p: string) => fetch(server.origin + p).then(async (r) => ({ status: r.status, text: await r.text() }));
/** Every child sitemap the index names, as one text. */
const sitemaps = async () => (await childSitemaps(async (p) => (await page(p)).text)).join('\n');
const storyFile = (slug: string, locale = 'ru') => path.join(server.root, 'news', slug, `${locale}.md`);
async function writeStory(slug: string, locale: string, text: string) {
  await mkdir(path.dirname(storyFile(slug, locale)), { recursive: true });
  await writeFile(storyFile(slug, locale), text);
}
/**
 * A signal that the site has reloaded everything written so far: edit a marker story's headline
 * and wait for it on its page (reloads are serialized and read every file).
 */
let signals = 0;
async function reloadSignal() {
  const marker = storyFile('eu-mission-in-armenia', 'en');
  const text = await readFile(marker, 'utf8');
  const headline = `Marker headline ${++signals}`;
  await writeFile(marker, text.replace(/^title: .*$/m, `title: "${headline}"`));
  await expect.poll(async () => (await page('/en/news/eu-mission-in-armenia')).text, poll).toContain(`>${headline}</h1>`);
}

function iso(msFromNow: number) {
  return new Date(Date.now() + msFromNow).toISOString().replace(/\.\d+Z$/, 'Z');
}

test('editing the seed story’s Russian headline shows on its page, listings, sidebars, feeds and card', async () => {
  test.setTimeout(90_000);
  const before = await page(`/ru/news/${SEED}`);
  const card = /property="og:image" content="[^"]*(\/ru\/news\/[^"?]+\/opengraph-image\?v=[0-9a-f]+)"/.exec(before.text)![1]!;
  const oldBytes = Buffer.from(await (await fetch(server.origin + card)).arrayBuffer());
  const original = await readFile(storyFile(SEED), 'utf8');
  const headline = 'Россия и Азербайджан расширяют военное сотрудничество';
  await writeFile(storyFile(SEED), original.replace(`title: "${SEED_RU_TITLE}"`, `title: "${headline}"`));
  await expect.poll(async () => (await page(`/ru/news/${SEED}`)).text, poll).toContain(`>${headline}</h1>`);
  expect((await page('/ru/tag/karabakh')).text).toContain(headline);
  expect((await page('/ru/feed.xml')).text).toContain(headline);
  // A story whose sidebar lists the seed (it is pinned as related there).
  expect((await page('/ru/news/putin-visits-baku-trilateral-summit')).text).toContain(headline);
  const after = await page(`/ru/news/${SEED}`);
  const newCard = /property="og:image" content="[^"]*(\/ru\/news\/[^"?]+\/opengraph-image\?v=[0-9a-f]+)"/.exec(after.text)![1]!;
  expect(newCard).not.toBe(card);
  const newBytes = Buffer.from(await (await fetch(server.origin + newCard)).arrayBuffer());
  expect(newBytes.subarray(1, 4).toString()).toBe('PNG');
  expect(newBytes.equals(oldBytes)).toBe(false);

  // Breaking the front matter keeps the last good version up and logs the exact problem once.
  await writeFile(storyFile(SEED), original.replace(`title: "${SEED_RU_TITLE}"`, `title: "${headline}"`).replace('date: 2016-08-15T09:00:00+04:00', 'date: 15 августа 2016'));
  const problem = 'news/russia-azerbaijan-defence-cooperation/ru.md:3: date: must be a date and time with offset, like 2016-08-15T09:00:00+04:00';
  await expect.poll(() => server.log(), poll).toContain(problem);
  // Another edit, seen on its page, means another reload ran: the problem is still logged once.
  await reloadSignal();
  expect(server.log().split(problem).length - 1).toBe(1);
  const broken = await page(`/ru/news/${SEED}`);
  expect(broken.status).toBe(200);
  expect(broken.text).toContain(`>${headline}</h1>`);
  expect((await page('/ru')).status).toBe(200);

  await writeFile(storyFile(SEED), original);
  await expect.poll(async () => (await page(`/ru/news/${SEED}`)).text, poll).toContain(`>${SEED_RU_TITLE}</h1>`);
});

test('a new story appears everywhere, and disappears when deleted', async () => {
  test.setTimeout(90_000);
  const slug = 'live-added-story';
  await writeStory(slug, 'en', `---\ntitle: "A story added while the site runs"\ndate: ${iso(-60_000)}\nsection: energy\ntags: [gas]\n---\nIt was written a minute ago.\n`);
  await expect.poll(async () => (await page(`/en/news/${slug}`)).status, poll).toBe(200);
  expect((await page('/en')).text).toContain('A story added while the site runs');
  expect((await page('/en/section/energy')).text).toContain('A story added while the site runs');
  expect((await page('/en/feed.xml')).text).toContain(`/en/news/${slug}`);
  expect(await sitemaps()).toContain(`/en/news/${slug}`);
  expect((await page('/news-sitemap.xml')).text).toContain(`/en/news/${slug}`);
  expect((await page(`/en/news/${slug}/opengraph-image`)).status).toBe(200);
  expect((await page(`/en/news/${SEED}`)).text).toContain(`/en/news/${slug}`);

  await rm(path.join(server.root, 'news', slug), { recursive: true });
  await expect.poll(async () => (await page(`/en/news/${slug}`)).status, poll).toBe(404);
  expect((await page('/en')).text).not.toContain(`/en/news/${slug}`);
  expect((await page('/en/feed.xml')).text).not.toContain(`/en/news/${slug}`);
  expect((await page(`/en/news/${SEED}`)).text).not.toContain(`/en/news/${slug}`);
});

test('a photo stops being served at its old address once replaced, and once its story is gone', async () => {
  test.setTimeout(90_000);
  const slug = 'live-photo-story';
  const folder = path.join(server.root, 'news', slug);
  await mkdir(folder, { recursive: true });
  await copyFile(path.join(server.root, 'news', 'moldova-sandu-reelected', 'photo.jpg'), path.join(folder, 'photo.jpg'));
  await writeStory(slug, 'en', `---\ntitle: "A story with a photo"\ndate: ${iso(-60_000)}\nsection: politics\nimage:\n  src: photo.jpg\n  alt: "A photo"\n---\nText.\n`);
  const photoUrl = async () => {
    const { status, text } = await page(`/en/news/${slug}`);
    return status === 200 ? /\/media\/live-photo-story\/photo\.jpg\?v=[0-9a-f]+&amp;w=160&amp;f=webp/.exec(text)?.[0].replace(/&amp;/g, '&') : undefined;
  };
  await expect.poll(photoUrl, poll).toBeDefined();
  const first = (await photoUrl())!;
  // Twice: the second answer is the one the server keeps in memory (scripts/server/immutableMedia.ts).
  for (let i = 0; i < 2; i += 1) expect((await fetch(server.origin + first)).status).toBe(200);

  await copyFile(path.join(server.root, 'news', 'georgia-eu-candidate-status', 'photo.jpg'), path.join(folder, 'photo.jpg'));
  await expect.poll(photoUrl, poll).not.toBe(first);
  const second = (await photoUrl())!;
  expect(second).toMatch(/\?v=[0-9a-f]+&/);
  expect((await fetch(server.origin + first)).status).toBe(404);
  for (let i = 0; i < 2; i += 1) expect((await fetch(server.origin + second)).status).toBe(200);

  await rm(folder, { recursive: true });
  await expect.poll(async () => (await page(`/en/news/${slug}`)).status, poll).toBe(404);
  expect((await fetch(server.origin + second)).status).toBe(404);
});

test('a draft is never served, listed, fed or mapped in production', async () => {
  const slug = 'live-draft-story';
  await writeStory(slug, 'ru', `---\ntitle: "Черновик, который никто не видит"\ndate: ${iso(-60_000)}\nsection: politics\ndraft: true\n---\nТекст черновика.\n`);
  // Written after the draft: once this edit shows, a reload has read the draft too.
  await reloadSignal();
  expect((await page(`/ru/news/${slug}`)).status).toBe(404);
  for (const listing of ['/ru', '/ru/archive', '/ru/section/politics', '/ru/feed.xml', '/ru/atom.xml', '/news-sitemap.xml']) {
    expect((await page(listing)).text, listing).not.toContain(slug);
  }
  expect(await sitemaps(), 'child sitemaps').not.toContain(slug);
});

test('a draft translation hides its own language only', async () => {
  await writeStory(RU_ONLY, 'en', `---\ntitle: "A translation still being written"\ndraft: true\n---\nNot ready.\n`);
  await reloadSignal();
  const russian = await page(`/ru/news/${RU_ONLY}`);
  expect(russian.status).toBe(200);
  // The English page still shows the Russian original (with the untranslated notice), not the draft.
  const english = await page(`/en/news/${RU_ONLY}`);
  expect(english.status).toBe(200);
  expect(english.text).not.toContain('A translation still being written');
  expect(english.text).toContain('lang="ru"');
  await rm(storyFile(RU_ONLY, 'en'));
});

test('a scheduled story appears when due, with no rebuild or restart', async () => {
  test.setTimeout(60_000);
  const slug = 'live-scheduled-story';
  const due = Date.now() + 12_000;
  await writeStory(slug, 'ru', `---\ntitle: "Материал, запланированный на потом"\ndate: ${new Date(due).toISOString().replace(/\.\d+Z$/, 'Z')}\nsection: economy\n---\nОн появится сам.\n`);
  await reloadSignal();
  expect(Date.now()).toBeLessThan(due);
  expect((await page(`/ru/news/${slug}`)).status).toBe(404);
  expect((await page('/ru')).text).not.toContain(slug);
  expect((await page('/ru/feed.xml')).text).not.toContain(slug);
  // Due within the freshness figure of its time.
  await expect.poll(async () => (await page(`/ru/news/${slug}`)).status, { timeout: due - Date.now() + LIVE_MS, intervals: [200] }).toBe(200);
  // Lists follow within the freshness figure of the story page (the due timer re-renders them).
  await expect.poll(async () => (await page('/ru')).text, poll).toContain(`/ru/news/${slug}`);
  expect((await page('/ru/feed.xml')).text).toContain(`/ru/news/${slug}`);
  expect(await sitemaps()).toContain(`/ru/news/${slug}`);
  await expect.poll(async () => (await page(`/ru/news/${SEED}`)).text, poll).toContain(`/ru/news/${slug}`);
});

test('the revalidate endpoint refuses callers without the secret', async () => {
  for (const authorization of [undefined, 'Bearer wrong', 'Basic abc']) {
    const response = await fetch(`${server.origin}/api/revalidate`, {
      method: 'POST',
      headers: authorization ? { authorization } : {},
      body: '{"scope":"all"}',
    });
    expect(response.status).toBe(401);
  }
  expect((await fetch(`${server.origin}/api/revalidate`)).status).toBe(405);
  // Guessing is limited: past 10 failures a minute, 429 with Retry-After.
  const statuses: number[] = [];
  for (let i = 0; i < 10; i += 1) {
    statuses.push((await fetch(`${server.origin}/api/revalidate`, { method: 'POST', headers: { authorization: `Bearer guess-${i}` } })).status);
  }
  expect(statuses.slice(0, 7)).toEqual(Array(7).fill(401));
  expect(statuses.slice(7)).toEqual([429, 429, 429]);
});

test('the whole content folder deleted while serving: the last good content stays up', async () => {
  await rm(server.root, { recursive: true, force: true });
  // The reload that found nothing says so, once: the signal that the site has seen the loss.
  await expect.poll(() => server.log(), { timeout: 10_000 }).toContain('news: is missing');
  const story = await page(`/ru/news/${SEED}`);
  expect(story.status).toBe(200);
  expect(story.text).toContain(`>${SEED_RU_TITLE}</h1>`);
  expect((await page('/ru')).text).toContain(`/ru/news/${SEED}`);
  expect((await page('/en/section/energy')).status).toBe(200);
  expect((await page('/ru/feed.xml')).text).toContain(`/ru/news/${SEED}`);
});
