import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listingStories } from '../content/listings';
import { loadContent } from '../content/load';
import { formatProblem } from '../content/problems';
import { storiesInLocale } from '../content/queries';
import { toStoryView } from '../content/storyView';
import { makeContent, md } from '../content/testing/contentFixture';
import type { LoadedContent, Story } from '../content/types';
import type { Visibility } from '../content/visibility';
import { storyFeed } from '../feeds/storyFeed';
import { newsArticleJsonLd, serializeJsonLd } from '../seo/jsonLd';
import { newsSitemapXml } from '../seo/newsSitemap';
import { HOSTILE_MARKDOWN, HOSTILE_PAYLOADS } from './hostilePayloads';
import { htmlProblems } from './inertHtml';

/**
 * Content is written by people and may be hostile (a compromised editor account, a pasted
 * snippet): every payload goes into every field of a story, and every output format must carry
 * it as inert text.
 */

const yaml = (text: string) => JSON.stringify(text); // a JSON string is a YAML double-quoted scalar
const BASE = Date.parse('2026-01-01T10:00:00Z');
const visibility: Visibility = { now: BASE + 3600_000, includeDrafts: false };
const slugOf = (i: number) => `hostile-${i}`;

/** Story i carries payload i in its title, author and body; odd ones take their summary from the body. */
function storyFile(payload: string, i: number): string {
  const front = [
    `title: ${yaml(payload)}`,
    `date: ${new Date(BASE + i * 60_000).toISOString().replace(/\.\d+Z$/, 'Z')}`,
    'section: security',
    'tags: [eu]',
    `author: ${yaml(payload)}`,
    ...(i % 2 === 0 ? [`summary: ${yaml(payload)}`] : []),
  ].join('\n');
  const body = [
    `Lead ${payload} text.`,
    payload,
    ...HOSTILE_MARKDOWN.map((link) => `Before ${link} after.`),
    `<div>\n${payload}\n</div>`,
    '```html\n' + payload + '\n```',
  ].join('\n\n');
  return md(front, body);
}

/** What a reader sees of an HTML fragment: its text, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => ['item', 'entry', 'category', 'url'].includes(name),
});

/** The XML parses, and every element in it is one the format defines: no markup got in. */
function expectWellFormed(xml: string, vocabulary: string[]) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const elements = new Set([...xml.matchAll(/<([a-zA-Z][\w:.-]*)/g)].map((m) => m[1]!));
  expect([...elements].filter((name) => !vocabulary.includes(name))).toEqual([]);
  expect(xml).not.toContain('<![CDATA[');
  expect(xml).not.toContain('<!--');
}

const RSS_ELEMENTS = ['rss', 'channel', 'title', 'link', 'description', 'lastBuildDate', 'docs', 'language', 'image', 'url', 'copyright', 'atom:link', 'item', 'guid', 'pubDate', 'content:encoded', 'dc:creator', 'category', 'enclosure'];
const ATOM_ELEMENTS = ['feed', 'id', 'title', 'updated', 'link', 'subtitle', 'logo', 'icon', 'rights', 'author', 'name', 'entry', 'published', 'summary', 'content', 'category'];
const NEWS_SITEMAP_ELEMENTS = ['urlset', 'url', 'loc', 'news:news', 'news:publication', 'news:name', 'news:language', 'news:publication_date', 'news:title'];

let content: LoadedContent;
let stories: Story[];
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const files: Record<string, string> = {};
  HOSTILE_PAYLOADS.forEach((payload, i) => (files[`news/${slugOf(i)}/en.md`] = storyFile(payload, i)));
  // Problems whose text comes from the content itself: field names, folder and file names.
  // (A name cannot hold '/', a YAML key can: the forged line is in a key.)
  files['news/hostile-keys/en.md'] = md(
    [
      'title: Keys',
      'date: 2026-01-01T10:00:00Z',
      'section: security',
      `${yaml('x\nnews/fake.md:1: title: a forged problem line\u001b[2J')}: 1`,
      ...HOSTILE_PAYLOADS.map((p, i) => `${yaml(`${p}\u001b[2J${i}`)}: 1`),
    ].join('\n'),
  );
  files['news/bad <img src=x onerror=alert(1)>\u2028\u001b[31mred\u202e\nnews/en.md'] = md('title: Folder\ndate: 2026-01-01T10:00:00Z\nsection: security');
  files['news/stray/\u001b[2J<script>x<\\script>\r\n.md'] = 'stray';
  const fixture = await makeContent(files);
  cleanup = fixture.cleanup;
  content = await loadContent(fixture.root);
  stories = HOSTILE_PAYLOADS.map((_, i) => content.stories.get(slugOf(i))!);
});

afterAll(() => cleanup?.());

describe('hostile content', () => {
  it('loads: every payload story is valid content (the payloads are text, not errors)', () => {
    expect(stories.every(Boolean)).toBe(true);
    expect(storiesInLocale(content, 'en', visibility).filter((s) => s.slug.startsWith('hostile-'))).toHaveLength(HOSTILE_PAYLOADS.length);
  });

  it('rendered body HTML has no active element, handler or script URL', () => {
    for (const story of stories) {
      const html = story.versions.en!.bodyHtml;
      expect(htmlProblems(html), `${story.slug}: ${html}`).toEqual([]);
    }
  });

  it('the fallback summary is the visible text of the first paragraph, never the raw HTML', () => {
    for (const [i, story] of stories.entries()) {
      if (i % 2 === 0) continue;
      const { summary, bodyHtml } = story.versions.en!;
      const firstParagraph = /<p>(.*?)<\/p>/s.exec(bodyHtml)![1]!;
      expect(summary, story.slug).toBe(visibleText(firstParagraph));
      expect(summary).not.toMatch(/onerror|onload|ontoggle|<img|<svg|<iframe|<math|<details/i);
    }
  });

  const feeds = () => {
    const options = { locale: 'en' as const, title: 'The Review', description: 'News', homePath: '/en', taxonomy: content.taxonomy };
    return {
      rss: storyFeed({ ...options, rssPath: '/en/feed.xml', atomPath: '/en/atom.xml', stories: storiesInLocale(content, 'en', visibility) }),
      section: storyFeed({
        ...options,
        homePath: '/en/section/security',
        rssPath: '/en/section/security/feed.xml',
        stories: listingStories(content, 'en', { kind: 'section', slug: 'security' }, visibility)!,
      }),
    };
  };

  for (const which of ['rss', 'section'] as const) {
    it(`${which === 'rss' ? 'RSS' : 'section'} feed: valid XML, titles as text, HTML fields inert`, () => {
      const xml = feeds()[which].rss2();
      expectWellFormed(xml, RSS_ELEMENTS);
      const items = parser.parse(xml).rss.channel.item as Array<Record<string, string>>;
      expect(items).toHaveLength(HOSTILE_PAYLOADS.length);
      for (const item of items) {
        const story = content.stories.get(item.link!.split('/').pop()!)!;
        const version = story.versions.en!;
        expect(item.title).toBe(version.title);
        expect(item['dc:creator']).toBe(version.author);
        expect(htmlProblems(item.description!)).toEqual([]);
        expect(visibleText(item.description!)).toBe(version.summary.replace(/\s+/g, ' ').trim());
        expect(htmlProblems(item['content:encoded']!)).toEqual([]);
      }
    });
  }

  it('Atom feed: valid XML, titles and summaries typed as text, content inert', () => {
    const xml = feeds().rss.atom1();
    expectWellFormed(xml, ATOM_ELEMENTS);
    const entries = parser.parse(xml).feed.entry as Array<Record<string, Record<string, string>>>;
    expect(entries).toHaveLength(HOSTILE_PAYLOADS.length);
    for (const entry of entries) {
      const story = content.stories.get(entry.id as unknown as string)?.slug ?? (entry.id as unknown as string).split('/').pop()!;
      const version = content.stories.get(story)!.versions.en!;
      expect(entry.title).toEqual({ '#text': version.title, '@type': 'text' });
      expect(entry.summary!['@type']).toBe('text');
      expect(entry.summary!['#text']).toBe(version.summary);
      expect(entry.content!['@type']).toBe('html');
      expect(htmlProblems(entry.content!['#text']!)).toEqual([]);
    }
  });

  it('news sitemap: valid XML with each title inside a text node', () => {
    const xml = newsSitemapXml(content, visibility, () => 'The Review');
    expectWellFormed(xml, NEWS_SITEMAP_ELEMENTS);
    const urls = parser.parse(xml).urlset.url as Array<{ 'news:news': { 'news:title': unknown } }>;
    expect(urls.length).toBe(HOSTILE_PAYLOADS.length);
    for (const url of urls) expect(typeof url['news:news']['news:title']).toBe('string');
  });

  it('JSON-LD: cannot close its script element and reads back as the same data', () => {
    for (const story of stories) {
      const view = toStoryView(story, 'en', content.taxonomy);
      const out = serializeJsonLd(newsArticleJsonLd(view, { locale: 'en', siteName: 'The Review', cardPath: `/en/news/${story.slug}/opengraph-image?v=1` }));
      expect(out).not.toMatch(/[<>&\u2028\u2029]/);
      const [article] = JSON.parse(out) as Array<Record<string, unknown>>;
      expect(article!.headline).toBe(view.title);
      expect(article!.description).toBe(view.summary);
    }
  });

  it('content-check lines: one line each, no control characters or terminal escapes', () => {
    const lines = content.problems.map((problem) => formatProblem(problem));
    expect(lines.length).toBeGreaterThanOrEqual(3); // the bad folder, the stray file, the unknown fields
    for (const line of lines) {
      expect(line, JSON.stringify(line)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
    }
    // Nobody can forge a problem line for another file by naming a folder or a field.
    expect(lines.join('\n').split(/\r?\n/)).toHaveLength(lines.length);
    expect(lines.join('\n')).toContain('\\nnews/fake.md:1: title: a forged problem line\\u001b[2J');
  });
});
