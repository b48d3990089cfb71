import { describe, expect, it } from 'vitest';
import { story } from '../content/testing/stories';
import type { LiveUpdate } from '../content/types';
import { LIVE_POLL_RECENT, livePollAnswer, livePollTag } from './poll';

const update = (n: number, fields: Partial<LiveUpdate> = {}): LiveUpdate => {
  const time = new Date(Date.parse('2026-03-01T08:00:00Z') + n * 60_000).toISOString();
  return { id: `u${n}`, time, published: Date.parse(time), keyEvent: false, pinned: false, versions: { en: { bodyHtml: '', bodyText: '' } }, ...fields };
};
const liveStory = (updates: LiveUpdate[]) => ({ ...story('night', { en: { title: 'Night' } }), live: { on: true, updates } });
const night = liveStory([1, 2, 3, 4, 5].map((n) => update(n, { pinned: n === 2 })));
const now = Date.parse('2026-03-02T00:00:00Z');

describe('the live poll', () => {
  it('lists the newest updates, newest first, the pinned one named apart', () => {
    expect(livePollAnswer(night, 'en', now)).toEqual({ recent: ['u5', 'u4', 'u3', 'u1'], pinned: 'u2', live: true });
  });

  it('lists at most LIVE_POLL_RECENT ids, however long the story', () => {
    const long = liveStory(Array.from({ length: 2_000 }, (_, i) => update(i + 1)));
    const { recent } = livePollAnswer(long, 'en', now + 86_400_000);
    expect(recent).toHaveLength(LIVE_POLL_RECENT);
    expect(recent[0]).toBe('u2000');
  });

  it('names a newly pinned update (a page learns of it: it is in no list)', () => {
    const repinned = liveStory([...night.live.updates, update(6, { pinned: true })]);
    expect(livePollAnswer(repinned, 'en', now)).toEqual({ recent: ['u5', 'u4', 'u3', 'u2', 'u1'], pinned: 'u6', live: true });
    expect(livePollTag(livePollAnswer(repinned, 'en', now))).not.toBe(livePollTag(livePollAnswer(night, 'en', now)));
  });

  it('leaves out an update dated later until its time', () => {
    const scheduled = liveStory([...night.live.updates, update(60)]);
    expect(livePollAnswer(scheduled, 'en', update(60).published - 1).recent[0]).toBe('u5');
    expect(livePollAnswer(scheduled, 'en', update(60).published).recent[0]).toBe('u60');
  });

  it('says when coverage has ended, so the script stops asking', () => {
    const ended = { ...night, live: { ...night.live, ended: '2026-03-01T12:00:00Z' } };
    expect(livePollAnswer(ended, 'en', now).live).toBe(false);
  });

  it('tags each answer: the same answer, the same tag; any change in it, another', () => {
    expect(livePollTag(livePollAnswer(night, 'en', now))).toBe(livePollTag(livePollAnswer(liveStory([...night.live.updates]), 'en', now)));
    expect(livePollTag(livePollAnswer(night, 'en', now))).toMatch(/^W\/"[\w-]+"$/);
    const removed = liveStory(night.live.updates.filter((u) => u.id !== 'u3'));
    expect(livePollTag(livePollAnswer(removed, 'en', now))).not.toBe(livePollTag(livePollAnswer(night, 'en', now)));
  });
});
