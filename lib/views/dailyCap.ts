import type { ViewsStore } from './store';

/**
 * New readers one instance counts per day at most. A real day is far below it; a flood of fake
 * readers (many addresses, each under the rate limit) stops here instead of growing the store:
 * reader rows and keys are bounded by this, per instance, until the day is forgotten.
 */
export const MAX_NEW_READERS_PER_DAY = 500_000;

/** The store, counting at most `max` new readers per day; beyond that, views are not counted. */
export function withDailyCap(store: ViewsStore, max = MAX_NEW_READERS_PER_DAY): ViewsStore {
  // Today and possibly yesterday (beacons in flight at midnight): never more than a few entries.
  const counted = new Map<string, number>();
  const warned = new Set<string>();
  return {
    kind: store.kind,
    async record(view) {
      const sofar = counted.get(view.day) ?? 0;
      if (sofar >= max) {
        if (!warned.has(view.day)) {
          warned.add(view.day);
          console.error(`[views] ${max} new readers on ${view.day} on this instance: no more views are counted that day`);
        }
        return false;
      }
      const fresh = await store.record(view);
      if (fresh) {
        counted.set(view.day, (counted.get(view.day) ?? 0) + 1);
        for (const day of counted.keys()) if (day < view.day) counted.delete(day);
        for (const day of warned) if (day < view.day) warned.delete(day);
      }
      return fresh;
    },
    top: (days, limit) => store.top(days, limit),
    salt: (day) => store.salt(day),
    close: () => store.close(),
  };
}
