import { processSingleton } from '../process/registry';

// Shared by the watcher (instrumentation's bundle) and the content repository (the app's).
const state = () => processSingleton('content-watch-state', () => ({ starting: false, watching: false, waiters: [] as Array<() => void> }));

/** A watcher is being set up (instrumentation, before the first request). */
export function markWatchStarting(): void {
  state().starting = true;
}

/** The watcher is in place: from now on, every change to the content files is reported. */
export function markWatching(): void {
  const current = state();
  current.watching = true;
  for (const wake of current.waiters.splice(0)) wake();
}

/**
 * Resolves once the watcher is in place, at once when none is being set up, and after `timeoutMs`
 * at the latest (a watcher that never settles must not keep content from loading).
 */
export function untilWatching(timeoutMs = 5_000): Promise<void> {
  const current = state();
  if (!current.starting || current.watching) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    current.waiters.push(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
