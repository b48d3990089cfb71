import { ALLOWED, fixedWindow, verdict, type FixedWindowOptions, type RateLimiter, type RateVerdict } from './rateLimiter';

/** Keys one process tracks at most: a flood of addresses costs bounded memory (about 10 MB). */
export const MAX_TRACKED_KEYS = 100_000;

/**
 * The in-process limiter (no REDIS_URL). Entries are kept in the order their window started, so
 * expired ones are always at the front and are dropped there, and when the map is full the
 * oldest go first: memory stays bounded even under a flood of distinct keys.
 */
export function createMemoryRateLimiter({ limit, windowMs, now = Date.now, maxKeys = MAX_TRACKED_KEYS }: FixedWindowOptions & { maxKeys?: number }) {
  const counts = new Map<string, { window: number; count: number }>();
  const limiter: RateLimiter & { readonly size: number; peek(key: string): RateVerdict } = {
    get size() {
      return counts.size;
    },
    /** The verdict for this key now, without counting a request. */
    peek(key: string) {
      const at = now();
      const { index, endsAt } = fixedWindow(at, windowMs);
      const entry = counts.get(key);
      return entry?.window === index && entry.count >= limit ? verdict(entry.count + 1, limit, at, endsAt) : ALLOWED;
    },
    async hit(key: string) {
      const at = now();
      const { index, endsAt } = fixedWindow(at, windowMs);
      let entry = counts.get(key);
      if (!entry || entry.window !== index) {
        counts.delete(key);
        for (const [oldKey, old] of counts) {
          if (old.window === index && counts.size < maxKeys) break;
          counts.delete(oldKey);
        }
        entry = { window: index, count: 0 };
        counts.set(key, entry);
      }
      entry.count += 1;
      return verdict(entry.count, limit, at, endsAt);
    },
  };
  return limiter;
}
