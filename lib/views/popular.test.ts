import { afterEach, describe, expect, it, vi } from 'vitest';
import { popularDeadlineMs } from './deadlines';
import { readPopular, type PopularState } from './popular';
import { createHealth } from './resilience';
import type { ViewsStore } from './store';
import { neverAnsweringStore, scriptedTopStore } from './testing/fakeStores';

const T0 = Date.parse('2026-11-25T12:00:00Z');
const counts = (...slugs: string[]) => slugs.map((slug, i) => ({ slug, views: 10 - i }));

function source(store: ViewsStore, deadlineMs = 50, retryEveryMs?: number) {
  const state: PopularState = {};
  return { store: async () => store, deadlineMs, windowDays: 7, state, health: createHealth('store', 'test', retryEveryMs) };
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

  it('answers within the deadline from a store that never answers, then at once while it is known down, serving the last good list, and logs once', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { store, calls } = scriptedTopStore([counts('a', 'b'), 'hang']);
    const popular = source(store, 200);
    expect(await readPopular(popular, T0, 30)).toEqual(['a', 'b']);
    for (const [i, later] of [11_000, 22_000, 33_000].entries()) {
      const started = performance.now();
      expect(await readPopular(popular, T0 + later, 30)).toEqual(['a', 'b']);
      // The read that finds the outage waits its deadline; the next ones do not wait at all.
      expect(performance.now() - started).toBeLessThan(i === 0 ? 500 : 20);
    }
    // Known down: asked again only in the background, every few seconds.
    expect(calls()).toBe(2);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]![0])).toMatch(/\[views\] store unavailable \(reading Popular took over 200 ms\)/);
  });

  it('returns nothing (the latest stories fill in) only when the store has never answered, and asks again soon', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const popular = source(neverAnsweringStore(), 20, 0);
    expect(await readPopular(popular, T0, 30)).toEqual([]);

    const { store, calls } = scriptedTopStore([counts('c')]);
    popular.store = async () => store;
    // Still known down: the list at once, and the store tried in the background, whose answer
    // the next render gets.
    expect(await readPopular(popular, T0 + 1_000, 30)).toEqual([]);
    await expect.poll(() => popular.state.lastGood).toEqual(['c']);
    expect(calls()).toBe(1);
    expect(await readPopular(popular, T0 + 2_000, 30)).toEqual(['c']);
    expect(calls()).toBe(1);
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
