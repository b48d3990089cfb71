import { processSingleton } from '../processSingleton';

// Shared by the watcher (instrumentation's bundle) and the content repository (the app's).
const state = () =>
  processSingleton('content-watch-state', () => ({ starting: false, since: undefined as number | undefined, waiters: [] as Array<() => void> }));

/** A watcher is being set up (instrumentation, before the first request). */
export function markWatchStarting(): void {
  state().starting = true;
}

/** The watcher is in place: from now on, every change to the content files is reported. */
export function markWatching(): void {
  const current = state();
  current.since ??= performance.now();
  for (const wake of current.waiters.splice(0)) wake();
}

/** When the watcher came into place (performance.now()), or undefined when nothing watches. */
export function watchingSince(): number | undefined {
  return state().since;
}

/**
 * Resolves once the watcher is in place, at once when none is being set up, and after `timeoutMs`
 * at the latest (a watcher that never settles must not keep content from loading).
 */
export function untilWatching(timeoutMs = 5_000): Promise<void> {
  const current = state();
  if (!current.starting || current.since !== undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    current.waiters.push(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
