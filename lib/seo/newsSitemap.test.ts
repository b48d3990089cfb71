import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { LoadedContent } from '../content/types';
import type { Story } from '../content/types';
import { newsSitemapXml } from './newsSitemap';

const NOW = Date.parse('2026-11-25T12:00:00Z');

function story(slug: string, hoursAgo: number, title = `Title ${slug}`): Story {
  const date = new Date(NOW - hoursAgo * 3600_000).toISOString();
  return {
    slug, date, localDate: date.slice(0, 10), published: Date.parse(date), section: 's', tags: [], related: [], draft: false, original: 'en',
    versions: { en: { locale: 'en', title, summary: '', bodyHtml: '', bodyText: '', wordCount: 0, draft: false } },
  };
}

function content(stories: Story[]): LoadedContent {
  return { stories: new Map(stories.map((s) => [s.slug, s])), taxonomy: { sections: {}, tags: {} }, problems: [] };
}

const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' }).parse(xml);

describe('newsSitemapXml', () => {
  it('lists stories of the last 48 hours only, newest first, with publication and language', () => {
    const xml = newsSitemapXml(content([story('old', 49), story('new', 1, 'Tom & Jerry <3'), story('day', 24), story('future', -5)]), { now: NOW, includeDrafts: false }, () => 'The Review');
    const urls = parse(xml).urlset.url;
    expect(urls.map((u: { loc: string }) => u.loc.split('/').pop())).toEqual(['new', 'day']);
    expect(urls[0]['news:news']['news:publication']).toEqual({ 'news:name': 'The Review', 'news:language': 'en' });
    expect(urls[0]['news:news']['news:title']).toBe('Tom & Jerry <3');
    expect(xml).toContain('Tom &amp; Jerry &lt;3');
  });
  it('keeps a headline that looks like an entity as written, and drops what XML cannot hold', () => {
    const xml = newsSitemapXml(content([story('a', 1, 'AT&amp;T buys &lt;b&gt;\u0001')]), { now: NOW, includeDrafts: false }, () => 'R');
    expect(parse(xml).urlset.url[0]['news:news']['news:title']).toBe('AT&amp;T buys &lt;b&gt;');
  });
  it('stops at 1,000 entries', () => {
    const many = Array.from({ length: 1200 }, (_, i) => story(`s${i}`, (i % 40) + 1));
    expect(parse(newsSitemapXml(content(many), { now: NOW, includeDrafts: false }, () => 'R')).urlset.url).toHaveLength(1000);
  });
});
