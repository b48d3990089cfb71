import { LRUCache } from 'lru-cache';
import type { NetworkWidth } from './clientAddress';
import type { View, ViewsStore } from './store';

/**
 * How many new readers one network may add, to one story and to all stories, per day. A reader is
 * an IPv4 address or an IPv6 /64, and a /48 holds 65,536 of those: without a budget one free
 * tunnel-broker /48 puts any story on top of Popular. The budgets are soft: beyond them a beacon
 * is still answered, its view is only not counted, and readers from other networks still count.
 * A household (/56) counts as three readers of a story at most, a site (/48) as four, an IPv4
 * /24 (an ISP's pool, where unrelated readers do share) as eight.
 */
export const NETWORK_BUDGETS: Record<NetworkWidth, { perStory: number; perDay: number }> = {
  '/24': { perStory: 8, perDay: 2_000 },
  '/56': { perStory: 3, perDay: 500 },
  '/48': { perStory: 4, perDay: 2_000 },
};

/**
 * New readers one story counts per day at most. Far above a real day for this newsroom; with the
 * network budgets it bounds what a flood from many networks adds to the store, and a story that
 * reaches it stops counting alone, never the whole site.
 */
export const MAX_NEW_READERS_PER_STORY = 100_000;

/** Budget counters kept per process; evicting one only forgets a network that is long quiet. */
const MAX_COUNTERS = 100_000;

export interface BudgetLimits {
  networks: Record<NetworkWidth, { perStory: number; perDay: number }>;
  perStory: number;
}

/**
 * The store, counting a new reader only while its networks and its story are within their budgets.
 * Budgets are reserved before the store is asked and handed back when the reader was not new, so
 * beacons in flight together never overshoot. Kept in this process: with several instances each
 * one keeps its own, so a network adds at most its budget times the number of instances.
 */
export function withReaderBudgets(
  store: ViewsStore,
  limits: BudgetLimits = { networks: NETWORK_BUDGETS, perStory: MAX_NEW_READERS_PER_STORY },
): ViewsStore {
  const counters = new LRUCache<string, number>({ max: MAX_COUNTERS });
  const warned = new LRUCache<string, true>({ max: 1_000 });

  function warnOnce(key: string, message: string) {
    if (warned.has(key)) return;
    warned.set(key, true);
    console.error(`[views] ${message}`);
  }

  /** The counters a new reader of this view spends, each with its budget. */
  function budgetsOf(view: View) {
    const story = { key: `${view.day}\n${view.slug}`, limit: limits.perStory, over: () => warnOnce(`${view.day}\n${view.slug}`, `${limits.perStory} new readers of ${view.slug} on ${view.day} on this instance: no more of its views are counted that day`) };
    return [
      story,
      ...(view.networks ?? []).flatMap(({ width, hash }) => {
        const budget = limits.networks[width];
        const overDay = () => warnOnce(`${view.day}\n${width}`, `a ${width} network reached its ${budget.perDay} new readers on ${view.day}: its views are not counted until the day is over`);
        return [
          { key: `${view.day}\n${view.slug}\n${width}\n${hash}`, limit: budget.perStory, over: () => {} },
          { key: `${view.day}\n*\n${width}\n${hash}`, limit: budget.perDay, over: overDay },
        ];
      }),
    ];
  }

  return {
    kind: store.kind,
    async record(view) {
      const budgets = budgetsOf(view);
      const full = budgets.find(({ key, limit }) => (counters.get(key) ?? 0) >= limit);
      if (full) {
        full.over();
        return false;
      }
      for (const { key } of budgets) counters.set(key, (counters.get(key) ?? 0) + 1);
      let fresh = false;
      try {
        fresh = await store.record(view);
        return fresh;
      } finally {
        if (!fresh) for (const { key } of budgets) counters.set(key, Math.max(0, (counters.get(key) ?? 1) - 1));
      }
    },
    top: (days, limit) => store.top(days, limit),
    salt: (day) => store.salt(day),
    close: () => store.close(),
  };
}
