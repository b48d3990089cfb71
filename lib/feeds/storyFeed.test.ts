import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Story, Taxonomy } from '../content/types';
import { FEED_SIZE, storyFeed } from './storyFeed';
import { xmlSafe } from '../xml';
import { escapeHtml } from './escapeHtml';

const taxonomy: Taxonomy = {
  sections: { security: { ru: 'Безопасность', en: 'Security' } },
  tags: { armenia: { ru: 'Армения', en: 'Armenia' } },
};

function story(slug: string, fields: { title?: string; summary?: string; bodyHtml?: string; author?: string; date?: string } = {}): Story {
  const date = fields.date ?? '2016-08-15T09:00:00+04:00';
  return {
    slug, date, localDate: date.slice(0, 10), published: Date.parse(date), section: 'security', tags: ['armenia'], related: [], draft: false, original: 'en',
    image: { file: 'photo.jpg', url: `/media/${slug}/photo.jpg?v=abc`, version: 'abc', bytes: 1234, width: 40, height: 30 },
    versions: {
      en: {
        locale: 'en', title: fields.title ?? `Title ${slug}`, summary: fields.summary ?? 'Summary.', author: fields.author, draft: false,
        bodyHtml: fields.bodyHtml ?? '<p>Body</p>', bodyText: 'Body', wordCount: 1,
      },
    },
  };
}

function feed(stories: Story[]) {
  return storyFeed({ locale: 'en', title: 'The Review', description: 'News', homePath: '/en', rssPath: '/en/feed.xml', atomPath: '/en/atom.xml', stories, taxonomy });
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'entry', 'category'].includes(name) });

describe('storyFeed RSS', () => {
  it('has the channel and item fields readers use, with absolute links', () => {
    const xml = feed([story('a', { author: 'Jane' })]).rss2();
    const channel = parser.parse(xml).rss.channel;
    expect(channel.title).toBe('The Review');
    expect(channel.language).toBe('en');
    expect(channel['atom:link']['@href']).toMatch(/^https?:\/\/.+\/en\/feed\.xml$/);
    const [item] = channel.item;
    expect(item.title).toBe('Title a');
    expect(item.link).toMatch(/^https?:\/\/.+\/en\/news\/a$/);
    expect(item.guid['#text']).toBe(item.link);
    expect(new Date(item.pubDate).toISOString()).toBe('2016-08-15T05:00:00.000Z');
    expect(item['dc:creator']).toBe('Jane');
    expect(item.category.map((c: { '#text': string }) => c['#text'])).toEqual(['Security', 'Armenia']);
    expect(item.enclosure).toMatchObject({ '@type': 'image/jpeg', '@length': '1234' });
    expect(item['content:encoded']).toBe('<p>Body</p>');
  });

  it('stops at FEED_SIZE stories', () => {
    const many = Array.from({ length: FEED_SIZE + 5 }, (_, i) => story(`s${i}`));
    expect(parser.parse(feed(many).rss2()).rss.channel.item).toHaveLength(FEED_SIZE);
  });
});

describe('storyFeed Atom', () => {
  it('marks titles and summaries as plain text and the body as HTML', () => {
    const atom = parser.parse(feed([story('a')]).atom1()).feed;
    expect(atom.title).toBe('The Review');
    expect(atom.author.name).toBe('The Review');
    const [entry] = atom.entry;
    expect(entry.title).toEqual({ '#text': 'Title a', '@type': 'text' });
    expect(entry.summary).toEqual({ '#text': 'Summary.', '@type': 'text' });
    expect(entry.content).toEqual({ '#text': '<p>Body</p>', '@type': 'html' });
    expect(entry.category.map((c: { '@term': string }) => c['@term'])).toEqual(['security', 'armenia']);
  });
});

describe('feeds and hostile text', () => {
  const hostile = story('h', {
    title: 'A ]]> B ]]> <script>alert(1)</script> & \u2028 \u0001end',
    summary: '<img src=x onerror=alert(1)> ]]> ]]> -->',
    bodyHtml: '<p>x ]]> y ]]> z &lt;script&gt;</p>',
  });

  for (const format of ['rss2', 'atom1'] as const) {
    it(`${format}: every ]]> stays text, the XML parses, and the text reads back exactly`, () => {
      const xml = feed([hostile])[format]();
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).not.toContain('<![CDATA[');
      expect(xml).not.toContain(']]>');
      expect(xml).not.toMatch(/<script|<img/i);
      const parsed = parser.parse(xml);
      const item = format === 'rss2' ? parsed.rss.channel.item[0] : parsed.feed.entry[0];
      const title = format === 'rss2' ? item.title : item.title['#text'];
      expect(title).toBe('A ]]> B ]]> <script>alert(1)</script> & \u2028 end');
    });
  }

  it('RSS description is the summary escaped as HTML, so a reader shows it and runs nothing', () => {
    const item = parser.parse(feed([hostile]).rss2()).rss.channel.item[0];
    expect(item.description).toBe('&lt;img src=x onerror=alert(1)&gt; ]]&gt; ]]&gt; --&gt;');
  });
});

describe('xmlSafe and escapeHtml', () => {
  it('drops characters XML cannot carry and keeps the rest', () => {
    expect(xmlSafe('a\u0000b\u0008c\u000bd\u001fe\uFFFEf\uD800g\uDC00h\t\n\r\u2028😀')).toBe('abcdefgh\t\n\r\u2028😀');
  });
  it('escapes text for HTML', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('xml', () => {
  it('escapes text once, exactly: entity-like text survives a round trip', () => {
    const xml = feed([story('e', { title: 'Tom &amp; Jerry &lt;3 &#60; "q"', summary: '&lt;b&gt;' })]).rss2();
    const item = parser.parse(xml).rss.channel.item[0];
    expect(item.title).toBe('Tom &amp; Jerry &lt;3 &#60; "q"');
    // Escaped twice on purpose (HTML, then XML): a reader decodes the XML and shows "&lt;b&gt;".
    expect(item.description).toBe('&amp;lt;b&amp;gt;');
  });
});
