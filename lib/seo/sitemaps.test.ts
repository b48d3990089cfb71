import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { create } from 'xmlbuilder2';
import { contentOf, story } from '../content/testing/stories';
import type { Story } from '../content/types';
import { routing } from '../../i18n/routing';
import { escapeXml } from '../xml';
import {
  findSitemapChild,
  MAX_URLS_PER_SITEMAP,
  pagesPerChild,
  sitemapChildXml,
  sitemapIndexXml,
  sitemapPlan,
  type SitemapPlan,
} from './sitemaps';

const ORIGIN = 'https://example.com';
const absolute = (path: string) => new URL(path, `${ORIGIN}/`).toString();
const NOW = Date.parse('2026-01-01T00:00:00Z');
const visible = { now: NOW, includeDrafts: false };
// Listing pages exist in every language; the numbered stories are in Russian and English only.
const LANGUAGES = routing.locales.length;

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['url', 'sitemap', 'xhtml:link'].includes(name) });

type Url = { loc: string; lastmod?: string; 'xhtml:link': Array<{ '@rel': string; '@hreflang': string; '@href': string }> };

/** `hour` hours after noon UTC on 1 January 2020 (30,000 hours are still before NOW). */
const hourOf = (hour: number) => new Date(Date.UTC(2020, 0, 1, 12) + hour * 3_600_000).toISOString().replace('.000Z', 'Z');

/** Well-formed XML with a single root, or the test fails. */
function wellFormed(text: string): string {
  expect(XMLValidator.validate(text)).toBe(true);
  create(text); // xmlbuilder2's parser: throws on a second root element
  return text;
}

/** Story `i`: dated hour i; every third in Russian only, every third in English only, the rest in both. */
function numbered(i: number, fields: Partial<Story> = {}): Story {
  const kind = i % 3;
  return {
    ...story(`story-${i}`, { date: hourOf(i), ru: kind !== 2 ? { title: `Р ${i}` } : undefined, en: kind !== 1 ? { title: `E ${i}` } : undefined }),
    ...fields,
  };
}

function urlsOf(text: string): Url[] {
  return (xml.parse(wellFormed(text)).urlset?.url ?? []) as Url[];
}

function allUrls(plan: SitemapPlan): Url[] {
  return plan.children.flatMap((child) => urlsOf(sitemapChildXml(child, absolute)));
}

describe('sitemapPlan', () => {
  const stories = Array.from({ length: 7 }, (_, i) => numbered(i));
  const content = contentOf(stories);
  // Story URLs: 7 stories, 3 of them (0, 3, 6) in both locales.
  const storyUrls = stories.flatMap((s) => Object.keys(s.versions).map((locale) => `${ORIGIN}/${locale}/news/${s.slug}`));
  const listingUrls = routing.locales.flatMap((l) => ['', '/archive', '/section/politics', '/section/energy', '/tag/gas', '/tag/eu'].map((p) => `${ORIGIN}/${l}${p}`));

  it('splits at a small maximum: every child within it, every URL exactly once', () => {
    for (const maxUrls of [1, 2, 3, 4, 5, 7, 100].map((n) => n + LANGUAGES - 1)) {
      const plan = sitemapPlan(content, visible, { maxUrls, absolute });
      const perChild = Math.floor(maxUrls / LANGUAGES);
      expect(plan.pagesPerChild).toBe(perChild);
      const names = plan.children.map((c) => c.name);
      expect(names.filter((n) => n.startsWith('listings-'))).toHaveLength(Math.ceil(6 / perChild));
      expect(names.filter((n) => n.startsWith('stories-'))).toHaveLength(Math.ceil(7 / perChild));
      for (const child of plan.children) expect(urlsOf(sitemapChildXml(child, absolute)).length, `${maxUrls} ${child.name}`).toBeLessThanOrEqual(maxUrls);
      const locs = allUrls(plan).map((u) => u.loc);
      expect(new Set(locs).size).toBe(locs.length);
      expect([...locs].sort()).toEqual([...storyUrls, ...listingUrls].sort());
    }
  });

  it('names children listings-1…, then stories-1…, numbered from 1 with no gaps', () => {
    const plan = sitemapPlan(content, visible, { maxUrls: 2 * LANGUAGES, absolute });
    expect(plan.children.map((c) => c.name)).toEqual([
      'listings-1.xml', 'listings-2.xml', 'listings-3.xml',
      'stories-1.xml', 'stories-2.xml', 'stories-3.xml', 'stories-4.xml',
    ]);
  });

  it('puts stories oldest first, so a new story joins the last child and earlier children stay as they were', () => {
    const before = sitemapPlan(content, visible, { maxUrls: 2 * LANGUAGES, absolute });
    const storyLocs = (plan: SitemapPlan) => plan.children.filter((c) => c.name.startsWith('stories-')).map((c) => urlsOf(sitemapChildXml(c, absolute)).map((u) => u.loc));
    expect(storyLocs(before)[0]).toEqual([`${ORIGIN}/ru/news/story-0`, `${ORIGIN}/en/news/story-0`, `${ORIGIN}/ru/news/story-1`]);
    const after = sitemapPlan(contentOf([...stories, numbered(7), numbered(8)]), visible, { maxUrls: 2 * LANGUAGES, absolute });
    expect(storyLocs(after).slice(0, 3)).toEqual(storyLocs(before).slice(0, 3));
    expect(storyLocs(after)[3]).toEqual([`${ORIGIN}/ru/news/story-6`, `${ORIGIN}/en/news/story-6`, `${ORIGIN}/ru/news/story-7`]);
    expect(storyLocs(after)[4]).toEqual([`${ORIGIN}/en/news/story-8`]);
  });

  it('orders stories of the same instant by slug, the same whatever the order of the content', () => {
    const same = ['b', 'a', 'c'].map((slug) => story(slug, { date: hourOf(1), en: { title: slug } }));
    const locs = (list: Story[]) => allUrls(sitemapPlan(contentOf(list), visible, { absolute })).map((u) => u.loc).filter((l) => l.includes('/news/'));
    expect(locs(same)).toEqual(['a', 'b', 'c'].map((s) => `${ORIGIN}/en/news/${s}`));
    expect(locs([...same].reverse())).toEqual(locs(same));
  });

  it('keeps hreflang alternates: the versions that exist and x-default on the original', () => {
    const urls = allUrls(sitemapPlan(content, visible, { absolute }));
    const links = (loc: string) => Object.fromEntries(urls.find((u) => u.loc === `${ORIGIN}${loc}`)!['xhtml:link'].map((l) => [l['@hreflang'], l['@href']]));
    expect(links('/en/news/story-0')).toEqual({ ru: `${ORIGIN}/ru/news/story-0`, en: `${ORIGIN}/en/news/story-0`, 'x-default': `${ORIGIN}/ru/news/story-0` });
    expect(links('/ru/news/story-1')).toEqual({ ru: `${ORIGIN}/ru/news/story-1`, 'x-default': `${ORIGIN}/ru/news/story-1` });
    expect(links('/en/news/story-2')).toEqual({ en: `${ORIGIN}/en/news/story-2`, 'x-default': `${ORIGIN}/en/news/story-2` });
    expect(links('/en/tag/gas')).toEqual({ ...Object.fromEntries(routing.locales.map((l) => [l, `${ORIGIN}/${l}/tag/gas`])), 'x-default': `${ORIGIN}/ru/tag/gas` });
    expect(urls.every((u) => u['xhtml:link'].every((l) => l['@rel'] === 'alternate'))).toBe(true);
  });

  it('leaves out drafts and stories not yet due', () => {
    const plan = sitemapPlan(contentOf([numbered(0), numbered(1, { draft: true }), numbered(3, { published: NOW + 1, date: '2026-01-01T00:00:01Z' })]), visible, { absolute });
    const locs = allUrls(plan).map((u) => u.loc).filter((l) => l.includes('/news/'));
    expect(locs).toEqual([`${ORIGIN}/ru/news/story-0`, `${ORIGIN}/en/news/story-0`]);
  });

  it('gives a live story the time of its newest update or correction as lastmod', () => {
    const update = (id: string, time: string, updated?: string) => ({ id, time, published: Date.parse(time), updated, keyEvent: false, pinned: false, versions: { ru: { bodyHtml: '', bodyText: '' } } });
    const live = numbered(0, { live: { on: true, updates: [update('a', '2021-06-01T10:00:00+03:00', '2021-06-02T09:00:00+03:00'), update('b', '2021-06-01T12:00:00+03:00')] } });
    const urls = allUrls(sitemapPlan(contentOf([live]), visible, { absolute }));
    expect(urls.find((u) => u.loc === `${ORIGIN}/ru/news/story-0`)!.lastmod).toBe('2021-06-02T09:00:00+03:00');
  });

  it('gives each URL its lastmod: a story its updated date, else its date; front page and archive the newest change', () => {
    const updated = numbered(0, { updated: '2021-06-01T10:00:00+03:00' });
    const urls = allUrls(sitemapPlan(contentOf([updated, numbered(1)]), visible, { absolute }));
    const lastmod = (path: string) => urls.find((u) => u.loc === `${ORIGIN}${path}`)!.lastmod;
    expect(lastmod('/ru/news/story-0')).toBe('2021-06-01T10:00:00+03:00');
    expect(lastmod('/ru/news/story-1')).toBe(hourOf(1));
    expect(lastmod('/en')).toBe('2021-06-01T10:00:00+03:00');
    expect(lastmod('/ru/archive')).toBe('2021-06-01T10:00:00+03:00');
    expect(lastmod('/ru/tag/gas')).toBeUndefined();
  });

  it('has a listings child even with no story, and no story child', () => {
    const plan = sitemapPlan(contentOf([]), visible, { absolute });
    expect(plan.children.map((c) => c.name)).toEqual(['listings-1.xml']);
    expect(urlsOf(sitemapChildXml(plan.children[0]!, absolute))).toHaveLength(6 * LANGUAGES);
  });
});

describe('sitemapIndexXml', () => {
  it('lists every child, each with the newest lastmod of its URLs where one is known', () => {
    const stories = [numbered(0), numbered(1, { updated: '2024-05-05T05:05:05+05:00' }), numbered(2), numbered(3)];
    const plan = sitemapPlan(contentOf(stories), visible, { maxUrls: 2 * LANGUAGES, absolute });
    const index = xml.parse(wellFormed(sitemapIndexXml(plan, absolute))).sitemapindex;
    expect(index['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const entries = index.sitemap as Array<{ loc: string; lastmod?: string }>;
    expect(entries.map((e) => e.loc)).toEqual(plan.children.map((c) => `${ORIGIN}/sitemaps/${c.name}`));
    expect(entries.map((e) => e.lastmod)).toEqual([
      // listings-1: front page and archive, the newest change of any story.
      '2024-05-05T05:05:05+05:00',
      // listings-2 and -3: sections and tags, no date known.
      undefined,
      undefined,
      // stories-1: stories 0 and 1 (updated); stories-2: 2 and 3.
      '2024-05-05T05:05:05+05:00',
      hourOf(3),
    ]);
  });

  it('compares dates as instants, whatever their offsets', () => {
    const a = numbered(0, { updated: '2024-01-01T10:00:00+05:00' }); // 05:00Z
    const b = numbered(3, { updated: '2024-01-01T06:00:00Z' }); // later, though it reads earlier
    const plan = sitemapPlan(contentOf([a, b]), visible, { absolute });
    expect(plan.children.find((c) => c.name === 'stories-1.xml')!.lastmod).toBe('2024-01-01T06:00:00Z');
  });
});

describe('findSitemapChild', () => {
  const plan = sitemapPlan(contentOf(Array.from({ length: 5 }, (_, i) => numbered(i))), visible, { maxUrls: 2 * LANGUAGES, absolute });

  it('finds the children the plan made', () => {
    for (const child of plan.children) expect(findSitemapChild(plan, child.name)).toBe(child);
    expect(findSitemapChild(plan, 'stories-3.xml')?.pages).toHaveLength(1);
  });

  it('knows no other name', () => {
    for (const name of [
      'stories-0.xml', 'stories-01.xml', 'stories-4.xml', 'stories-99999999999.xml', 'stories--1.xml', 'stories-1.5.xml',
      'stories-1', 'stories-1.xml.gz', 'STORIES-1.xml', 'stories-1.XML', ' stories-1.xml', 'stories-1.xml/', 'listings-0.xml',
      'listings-4.xml', 'news-1.xml', '../x', '..', '', 'stories-1.xml\u0000', 'constructor', '__proto__', 'toString',
    ]) {
      expect(findSitemapChild(plan, name), JSON.stringify(name)).toBeUndefined();
    }
  });
});

describe('size limits', () => {
  it('defaults to the protocol limit: 50,000 URLs, so 16,666 pages in three languages', () => {
    expect(MAX_URLS_PER_SITEMAP).toBe(50_000);
    expect(LANGUAGES).toBe(3);
    expect(pagesPerChild({ absolute })).toBe(16_666);
  });

  it('holds fewer pages when their longest possible URLs would pass the byte limit', () => {
    const longOrigin = `https://${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.example`;
    const pages = pagesPerChild({ absolute: (path) => new URL(path, `${longOrigin}/`).toString() });
    expect(pages).toBeLessThan(16_666);
    expect(pages).toBeGreaterThan(8_000);
  });

  it('keeps a full child of the longest slugs within the byte limit', () => {
    const maxBytes = 20_000;
    const perChild = pagesPerChild({ maxBytes, absolute });
    const slug = (i: number) => `${i}-${'x'.repeat(120 - String(i).length - 1)}`;
    const stories = Array.from({ length: perChild * 2 }, (_, i) => ({
      ...story(slug(i), { date: hourOf(i), ru: { title: 'р' }, en: { title: 'e' }, hy: { title: 'հ' } }),
      updated: '2025-12-31T23:59:59.999+14:00',
    }));
    const content = { ...contentOf(stories), taxonomy: { sections: { [slug(1)]: { ru: 'р', en: 'e' } }, tags: { [slug(2)]: { ru: 'р', en: 'e' } } } };
    const plan = sitemapPlan(content, visible, { maxBytes, absolute });
    expect(plan.children.filter((c) => c.name.startsWith('stories-'))).toHaveLength(2);
    for (const child of plan.children) expect(Buffer.byteLength(sitemapChildXml(child, absolute))).toBeLessThanOrEqual(maxBytes);
    // And the estimate is not wasteful: a full child of such stories comes close to the limit.
    expect(Buffer.byteLength(sitemapChildXml(plan.children.find((c) => c.name === 'stories-1.xml')!, absolute))).toBeGreaterThan(maxBytes * 0.85);
  });

  it('refuses a maximum too small for one page in every locale', () => {
    expect(() => pagesPerChild({ maxUrls: 1, absolute })).toThrow(/cannot hold one page/);
  });
});

describe('an archive of 10,000 stories', () => {
  it('plans, writes the index and every child in well under a second', () => {
    const stories = Array.from({ length: 10_000 }, (_, i) => numbered(i));
    const content = contentOf(stories);
    const started = performance.now();
    const plan = sitemapPlan(content, visible, { absolute });
    const index = sitemapIndexXml(plan, absolute);
    const children = plan.children.map((child) => sitemapChildXml(child, absolute));
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(1000);
    expect(index.match(/<sitemap>/g)).toHaveLength(2);
    // Two thirds of the stories are in one language, a third in two: 13,334 URLs, plus 6 listings
    // in each of the three languages.
    const urls = children.reduce((sum, text) => sum + (text.match(/<url>/g)?.length ?? 0), 0);
    expect(urls).toBe(10_000 + Math.ceil(10_000 / 3) + 18);
  });

  it('splits past 16,666 pages (50,000 URLs were every page in all three languages): 30,000 stories make two story children', () => {
    const stories = Array.from({ length: 30_000 }, (_, i) => story(`s-${i}`, { date: hourOf(i % 2000), ru: { title: 'р' }, en: { title: 'e' } }));
    const plan = sitemapPlan(contentOf(stories), visible, { absolute });
    const storyChildren = plan.children.filter((c) => c.name.startsWith('stories-'));
    expect(storyChildren.map((c) => c.pages.length)).toEqual([16_666, 13_334]);
    expect(storyChildren.map((c) => c.pages.reduce((n, p) => n + p.locales.length, 0))).toEqual([33_332, 26_668]);
  });
});

describe('escapeXml', () => {
  it('escapes markup characters and drops what XML cannot hold, so any value parses back', () => {
    const hostile = `a&b<c>"d'</loc><script>\u0000\u0007\ud800x&amp;`;
    expect(escapeXml(hostile)).toBe('a&amp;b&lt;c&gt;&quot;d&apos;&lt;/loc&gt;&lt;script&gt;x&amp;amp;');
    const text = `<?xml version="1.0"?><r a="${escapeXml(hostile)}">${escapeXml(hostile)}</r>`;
    const parsed = xml.parse(wellFormed(text)) as { r: { '@a': string; '#text': string } };
    expect(parsed.r['@a']).toBe(`a&b<c>"d'</loc><script>x&amp;`);
    expect(parsed.r['#text']).toBe(`a&b<c>"d'</loc><script>x&amp;`);
  });
});
