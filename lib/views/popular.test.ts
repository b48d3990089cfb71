import { afterEach, describe, expect, it, vi } from 'vitest';
import { popularDeadlineMs } from './deadlines';
import { readPopular, type PopularState } from './popular';
import { createHealth } from './resilience';
import type { ViewsStore } from './store';
import { neverAnsweringStore, scriptedTopStore } from './testing/fakeStores';

const T0 = Date.parse('2026-11-25T12:00:00Z');
const counts = (...slugs: string[]) => slugs.map((slug, i) => ({ slug, views: 10 - i }));

function source(store: ViewsStore, deadlineMs = 50) {
  const state: PopularState = {};
  return { store: async () => store, deadlineMs, windowDays: 7, state, health: createHealth('store', 'test') };
}

describe('Popular', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps serving the last good list when a read fails, instead of the latest stories', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { store } = scriptedTopStore([counts('a', 'b'), new Error('connection reset')]);
    const popular = source(store);
    expect(await readPopular(popular, T0, 30)).toEqual(['a', 'b']);
    expect(await readPopular(popular, T0 + 11_000, 30)).toEqual(['a', 'b']);
  });

  it('answers within the deadline from a store that never answers, serving the last good list, and logs once', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { store, calls } = scriptedTopStore([counts('a', 'b'), 'hang']);
    const popular = source(store, 50);
    expect(await readPopular(popular, T0, 30)).toEqual(['a', 'b']);
    for (const later of [11_000, 14_000, 17_000]) {
      const started = performance.now();
      expect(await readPopular(popular, T0 + later, 30)).toEqual(['a', 'b']);
      expect(performance.now() - started).toBeLessThan(500);
    }
    expect(calls()).toBe(4);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]![0])).toMatch(/\[views\] store unavailable \(reading Popular took over 50 ms\)/);
  });

  it('returns nothing (the latest stories fill in) only when the store has never answered, and asks again soon', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const popular = source(neverAnsweringStore(), 20);
    expect(await readPopular(popular, T0, 30)).toEqual([]);

    const { store, calls } = scriptedTopStore([counts('c')]);
    popular.store = async () => store;
    expect(await readPopular(popular, T0 + 1_000, 30)).toEqual([]);
    expect(calls()).toBe(0);
    expect(await readPopular(popular, T0 + 3_000, 30)).toEqual(['c']);
  });

  it('does not give up on a local SQLite query that is merely slow on a loaded machine', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { store } = scriptedTopStore([{ after: 450, counts: counts('slow') }]);
    expect(await readPopular(source(store, popularDeadlineMs('sqlite')), T0, 30)).toEqual(['slow']);
    expect(errors).not.toHaveBeenCalled();
  });

  it('shares one store query between renders within a few seconds', async () => {
    const { store, calls } = scriptedTopStore([counts('a', 'b', 'c')]);
    const popular = source(store);
    const lists = await Promise.all([readPopular(popular, T0, 30), readPopular(popular, T0, 30), readPopular(popular, T0, 2)]);
    expect(lists).toEqual([['a', 'b', 'c'], ['a', 'b', 'c'], ['a', 'b']]);
    expect(await readPopular(popular, T0 + 5_000, 30)).toEqual(['a', 'b', 'c']);
    expect(calls()).toBe(1);
  });
});
