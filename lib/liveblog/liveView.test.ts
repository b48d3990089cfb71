import { describe, expect, it } from 'vitest';
import { story } from '../content/testing/stories';
import type { LiveUpdate, Story } from '../content/types';
import { isLiveNow, liveView, pageOfUpdate, permalinkTarget, updatePageCount } from './liveView';

const HOUR = 3_600_000;
const START = Date.parse('2020-11-09T22:00:00+03:00');
/** A day later: every update below is due. */
const NOW = START + 24 * HOUR;

/** Update n (1 = the oldest), n minutes after START, in Russian and English unless told otherwise. */
function update(n: number, fields: Partial<LiveUpdate> = {}, locales = ['ru', 'en']): LiveUpdate {
  const published = START + n * 60_000;
  return {
    id: `u${n}`,
    time: new Date(published).toISOString(),
    published,
    keyEvent: false,
    pinned: false,
    versions: Object.fromEntries(locales.map((locale) => [locale, { headline: `${locale} ${n}`, bodyHtml: `<p>${n}</p>`, bodyText: `${n}` }])),
    ...fields,
  };
}

function liveStory(updates: LiveUpdate[], coverage: { on?: boolean; ended?: string } = {}): Story {
  return { ...story('night', { ru: { title: 'Ночь' }, en: { title: 'Night' } }), live: { on: coverage.on ?? true, ended: coverage.ended, updates } };
}

// 60 updates, the pinned one (u10) and three key events among them.
const sixty = Array.from({ length: 60 }, (_, i) => update(i + 1, { pinned: i + 1 === 10, keyEvent: [5, 30, 55].includes(i + 1) }));
const night = liveStory(sixty);

describe('a live story', () => {
  it('shows updates newest first, 20 a page, the pinned one leading page 1 and not repeated', () => {
    const first = liveView(night, 'en', 1, NOW)!;
    expect(first.pinned?.id).toBe('u10');
    expect(first.updates.map((u) => u.id)).toEqual(Array.from({ length: 20 }, (_, i) => `u${60 - i}`));
    expect(first.pageCount).toBe(3);
    expect(first.olderHref).toBe('/en/news/night?page=2');
    expect(first.newerHref).toBeUndefined();
    const last = liveView(night, 'en', 3, NOW)!;
    expect(last.pinned).toBeUndefined();
    // 59 in the stream: 20, 20, 19; u10 is pinned, not here.
    expect(last.updates.map((u) => u.id)).toEqual(Array.from({ length: 19 }, (_, i) => `u${20 - i}`).filter((id) => id !== 'u10').concat('u1'));
    expect(last.newerHref).toBe('/en/news/night?page=2');
    expect(liveView(night, 'en', 4, NOW)).toBeUndefined();
  });

  it('finds the page that holds an update now, and a new update moves old ones to later pages', () => {
    // Update 45 of 60 is the 16th newest: page 1; update 15 the 45th of the stream: page 3.
    expect(pageOfUpdate(night.live!, 'en', 'u45', NOW)).toBe(1);
    expect(pageOfUpdate(night.live!, 'en', 'u15', NOW)).toBe(3);
    expect(permalinkTarget(night, 'en', 'u15', NOW)).toBe('/en/news/night?page=3#update-u15');
    expect(permalinkTarget(night, 'en', 'u10', NOW)).toBe('/en/news/night#update-u10');
    expect(permalinkTarget(night, 'en', 'nope', NOW)).toBeUndefined();
    const later = liveStory([...sixty, ...Array.from({ length: 10 }, (_, i) => update(61 + i))]);
    expect(pageOfUpdate(later.live!, 'en', 'u45', NOW)).toBe(2);
    expect(permalinkTarget(later, 'en', 'u45', NOW)).toBe('/en/news/night?page=2#update-u45');
  });

  it('gives each update its permalink, whatever page it is on', () => {
    expect(liveView(night, 'en', 3, NOW)!.updates[0]!.href).toBe('/en/news/night?update=u20');
    expect(liveView(night, 'en', 1, NOW)!.pinned!.href).toBe('/en/news/night?update=u10');
  });

  it('lists every key event newest first, each linking to its page', () => {
    expect(liveView(night, 'ru', 1, NOW)!.keyEvents.map((k) => k.href)).toEqual([
      '/ru/news/night#update-u55',
      '/ru/news/night?page=2#update-u30',
      '/ru/news/night?page=3#update-u5',
    ]);
  });

  it('shows an update only in the languages it is written in', () => {
    const story = liveStory([update(1), update(2, {}, ['ru']), update(3)]);
    expect(liveView(story, 'ru', 1, NOW)!.updates.map((u) => u.id)).toEqual(['u3', 'u2', 'u1']);
    expect(liveView(story, 'en', 1, NOW)!.updates.map((u) => u.id)).toEqual(['u3', 'u1']);
    expect(pageOfUpdate(story.live!, 'en', 'u2', NOW)).toBeUndefined();
    expect(updatePageCount(story.live!, 'en', NOW)).toBe(1);
  });

  it('says when it was last updated: the newest time or correction', () => {
    const story = liveStory([update(1, { updated: new Date(START + 5 * HOUR).toISOString() }), update(2)]);
    expect(liveView(story, 'en', 1, NOW)!.lastUpdated).toBe(new Date(START + 5 * HOUR).toISOString());
  });

  it('holds back an update dated later until its time, on the page, its pages and its permalink', () => {
    const story = liveStory([update(1), update(2), update(3)]);
    const beforeThird = START + 3 * 60_000 - 1;
    expect(liveView(story, 'en', 1, beforeThird)!.updates.map((u) => u.id)).toEqual(['u2', 'u1']);
    expect(liveView(story, 'en', 1, beforeThird)!.poll?.latest).toBe('u2');
    expect(permalinkTarget(story, 'en', 'u3', beforeThird)).toBeUndefined();
    expect(liveView(story, 'en', 1, beforeThird + 1)!.updates.map((u) => u.id)).toEqual(['u3', 'u2', 'u1']);
    expect(permalinkTarget(story, 'en', 'u3', beforeThird + 1)).toBe('/en/news/night#update-u3');
  });

  it('is live while live: true and before liveEnded, and not after', () => {
    const ended = '2020-11-10T20:00:00+03:00';
    expect(isLiveNow(liveStory([], { ended }).live, Date.parse(ended) - 1)).toBe(true);
    expect(isLiveNow(liveStory([], { ended }).live, Date.parse(ended))).toBe(false);
    expect(isLiveNow(liveStory([], { on: false }).live, START)).toBe(false);
    expect(isLiveNow(undefined, START)).toBe(false);
  });
});
