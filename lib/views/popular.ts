import { processSingleton } from '../process/registry';
import { popularDeadlineMs } from './deadlines';
import { popularWindowDays, windowDays } from './days';
import { storeHealth, unlessKnownDown, withDeadline, type Health } from './resilience';
import type { ViewsStore } from './store';
import { viewsStore, viewsStoreKind } from './storeFromEnv';

// Renders within a few seconds of each other share one store query.
const CACHE_MS = 10_000;

/** What a process remembers of Popular between renders. */
export interface PopularState {
  /** The list renders share, as the store answered it at `at`. */
  fresh?: { at: number; limit: number; slugs: string[] };
  /** The last list the store actually answered: what a failed read serves. */
  lastGood?: string[];
  inflight?: Promise<string[]>;
}

export interface PopularSource {
  store: () => Promise<ViewsStore>;
  deadlineMs: number;
  windowDays: number;
  state: PopularState;
  health?: Health;
}

/**
 * Slugs of the most viewed stories in the trailing window, most first. When the store fails or is
 * slow, the last list it gave is served (stale-on-error), so a hiccup never turns Popular into
 * the latest stories on pages that are then cached; only a process that has never had an answer
 * returns [] (callers fill with the latest stories). While the store is known to be down a render
 * does not wait for it: it is asked again in the background (lib/views/resilience.ts).
 */
export async function readPopular(source: PopularSource, now: number, limit: number): Promise<string[]> {
  const { state } = source;
  const fresh = state.fresh;
  if (fresh && fresh.limit >= limit && now - fresh.at < CACHE_MS) return fresh.slugs.slice(0, limit);
  state.inflight ??= (async () => {
    try {
      const health = source.health ?? storeHealth();
      await unlessKnownDown(
        health,
        async () => {
          const counts = await withDeadline(async () => (await source.store()).top(windowDays(now, source.windowDays), limit), undefined, source.deadlineMs, 'reading Popular', health);
          if (!counts) return;
          const slugs = counts.map((count) => count.slug);
          state.lastGood = slugs;
          state.fresh = { at: now, limit, slugs };
        },
        undefined,
        'reads',
      );
      return state.lastGood ?? [];
    } finally {
      state.inflight = undefined;
    }
  })();
  return (await state.inflight).slice(0, limit);
}

/** Popular from the configured store (REDIS_URL or VIEWS_DB), cached once per process. */
export function popularSlugs(now = Date.now(), limit = 30): Promise<string[]> {
  return readPopular(
    {
      store: viewsStore,
      deadlineMs: popularDeadlineMs(viewsStoreKind()),
      windowDays: popularWindowDays(),
      state: processSingleton<PopularState>('views:popular', () => ({})),
    },
    now,
    limit,
  );
}
