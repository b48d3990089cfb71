import { afterEach, describe, expect, it, vi } from 'vitest';

// The state is one per process: each test takes a fresh module and a fresh slot.
async function freshState() {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('bilingual-news:content-watch-state')];
  vi.resetModules();
  return import('./watchState');
}

describe('watch state', () => {
  afterEach(() => vi.useRealTimers());

  it('lets content load at once when no watcher is being set up', async () => {
    const state = await freshState();
    await state.untilWatching();
  });

  it('holds the first load until the watcher is in place', async () => {
    const state = await freshState();
    state.markWatchStarting();
    let done = false;
    const waiting = state.untilWatching().then(() => (done = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    state.markWatching();
    await waiting;
    expect(done).toBe(true);
    // Later loads do not wait.
    await state.untilWatching();
  });

  it('stops waiting for a watcher that never settles', async () => {
    vi.useFakeTimers();
    const state = await freshState();
    state.markWatchStarting();
    let done = false;
    const waiting = state.untilWatching(5_000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(done).toBe(true);
  });
});
