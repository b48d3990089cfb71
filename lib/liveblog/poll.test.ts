import { describe, expect, it } from 'vitest';
import { story } from '../content/testing/stories';
import type { LiveUpdate } from '../content/types';
import { livePollAnswer, livePollTag } from './poll';

const update = (n: number, fields: Partial<LiveUpdate> = {}): LiveUpdate => {
  const time = new Date(Date.parse('2026-03-01T08:00:00Z') + n * 60_000).toISOString();
  return { id: `u${n}`, time, published: Date.parse(time), keyEvent: false, pinned: false, versions: { en: { bodyHtml: '', bodyText: '' } }, ...fields };
};
const night = { ...story('night', { en: { title: 'Night' } }), live: { on: true, updates: [1, 2, 3, 4, 5].map((n) => update(n, { pinned: n === 2 })) } };
const now = Date.parse('2026-03-02T00:00:00Z');

describe('the live poll', () => {
  it('counts the updates newer than the one the page shows first, the pinned one aside', () => {
    expect(livePollAnswer(night, 'en', 'u5', now)).toEqual({ latest: 'u5', newer: 0, pinned: 'u2', live: true });
    expect(livePollAnswer(night, 'en', 'u3', now)).toEqual({ latest: 'u5', newer: 2, pinned: 'u2', live: true });
  });

  it('answers nothing newer for an update it does not know (removed, renamed): the page takes the new latest', () => {
    expect(livePollAnswer(night, 'en', 'gone', now)).toEqual({ latest: 'u5', newer: 0, pinned: 'u2', live: true });
    expect(livePollAnswer(night, 'en', null, now).newer).toBe(0);
  });

  it('names the pinned update, so a page learns of a newly pinned one (it is in no count)', () => {
    const repinned = { ...night, live: { ...night.live, updates: [...night.live.updates, update(6, { pinned: true })] } };
    expect(livePollAnswer(repinned, 'en', 'u5', now)).toEqual({ latest: 'u5', newer: 0, pinned: 'u6', live: true });
    expect(livePollTag(livePollAnswer(repinned, 'en', 'u5', now))).not.toBe(livePollTag(livePollAnswer(night, 'en', 'u5', now)));
  });

  it('leaves out an update dated later until its time', () => {
    const scheduled = { ...night, live: { ...night.live, updates: [...night.live.updates, update(60)] } };
    expect(livePollAnswer(scheduled, 'en', 'u5', update(60).published - 1).newer).toBe(0);
    expect(livePollAnswer(scheduled, 'en', 'u5', update(60).published)).toMatchObject({ latest: 'u60', newer: 1 });
  });

  it('tags each answer so an unchanged one is a 304', () => {
    expect(livePollTag(livePollAnswer(night, 'en', 'u3', now))).toBe('W/"u5.2.u2.1"');
  });
});
