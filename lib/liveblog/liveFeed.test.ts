import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { story } from '../content/testing/stories';
import type { LiveUpdate } from '../content/types';
import { LIVE_FEED_SIZE, liveFeedAtom } from './liveFeed';

const update = (n: number, fields: Partial<LiveUpdate> = {}): LiveUpdate => {
  const time = new Date(Date.parse('2026-03-01T08:00:00Z') + n * 60_000).toISOString();
  return { id: `u${n}`, time, published: Date.parse(time), keyEvent: false, pinned: false, versions: { en: { headline: n % 2 ? `Update ${n}` : undefined, bodyHtml: `<p>Text <b>${n}</b> & more</p>`, bodyText: `Text ${n} & more` } }, ...fields };
};

describe('a live story’s feed', () => {
  it('is Atom with one entry per update, newest first, each linking to its permalink', () => {
    const night = { ...story('night', { en: { title: 'Night' } }), live: { on: true, updates: Array.from({ length: 60 }, (_, i) => update(i + 1, i === 4 ? { pinned: true } : {})) } };
    const xml = liveFeedAtom(night, 'en', 'Review', Date.parse('2026-03-02T00:00:00Z'));
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'entry' || name === 'link' }).parse(xml).feed;
    expect(feed.entry).toHaveLength(LIVE_FEED_SIZE);
    expect(feed.entry[0].title['#text'] ?? feed.entry[0].title).toBe('Text 60 & more');
    expect(feed.entry[1].title['#text'] ?? feed.entry[1].title).toBe('Update 59');
    expect(feed.entry[0].link[0]['@href']).toMatch(/\/en\/news\/night\?update=u60$/);
    expect(feed['@xml:lang']).toBe('en');
    expect(feed.updated).toBe(new Date(Date.parse('2026-03-01T08:00:00Z') + 60 * 60_000).toISOString());
  });
});
