import { describe, expect, it } from 'vitest';
import { contentOf, story } from '../content/testing/stories';
import type { LiveUpdate } from '../content/types';
import { liveStoryRequest } from './liveStoryRequest';

const START = Date.parse('2026-03-01T08:00:00Z');
const update = (n: number): LiveUpdate => {
  const published = START + n * 60_000;
  return { id: `u${n}`, time: new Date(published).toISOString(), published, keyEvent: false, pinned: false, versions: { en: { bodyHtml: '', bodyText: '' } } };
};
const night = { ...story('night', { en: { title: 'Night' } }), live: { on: true, updates: Array.from({ length: 45 }, (_, i) => update(i + 1)) } };
const content = contentOf([night]);
const visibility = { now: START + 86_400_000, includeDrafts: false };
const ask = (query: string) => liveStoryRequest('en', 'night', new URLSearchParams(query), content, visibility);

describe('a live story address', () => {
  it('sends a permalink to the page that holds the update now, at its anchor', () => {
    expect(ask('update=u45')).toEqual({ kind: 'redirect', location: '/en/news/night#update-u45' });
    expect(ask('update=u5')).toEqual({ kind: 'redirect', location: '/en/news/night?page=3#update-u5' });
    expect(ask('update=nope')).toEqual({ kind: 'missing' });
    expect(ask('update=u5&update=u6')).toEqual({ kind: 'missing' });
  });

  it('keeps the other queries of a permalink (a campaign’s), and drops a page the permalink replaces', () => {
    expect(ask('update=u45&utm_source=telegram')).toEqual({ kind: 'redirect', location: '/en/news/night?utm_source=telegram#update-u45' });
    expect(ask('utm_source=x&update=u5&page=9')).toEqual({ kind: 'redirect', location: '/en/news/night?page=3&utm_source=x#update-u5' });
  });

  it('renders a later page at its own path, and has no page past the last', () => {
    expect(ask('page=2')).toEqual({ kind: 'rewrite', path: '/en/news/night/page/2' });
    expect(ask('page=1')).toEqual({ kind: 'story' });
    expect(ask('page=4')).toEqual({ kind: 'missing' });
    expect(ask('utm_source=x')).toEqual({ kind: 'story' });
  });

  it('does not find an update dated later before its time', () => {
    expect(liveStoryRequest('en', 'night', new URLSearchParams('update=u45'), content, { now: night.live.updates[44]!.published - 1, includeDrafts: false })).toEqual({ kind: 'missing' });
  });
});
