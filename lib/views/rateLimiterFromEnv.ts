import { processSingleton } from '../processSingleton';
import { createMemoryRateLimiter } from './memoryRateLimiter';
import { beaconLimitPerMinute, type RateLimiter } from './rateLimiter';
import { openRedisRateLimiter } from './redisRateLimiter';

/**
 * The beacon's limiter, chosen like the views store: in Redis when REDIS_URL is set (so the limit
 * holds across instances), else in this process's memory. Undefined when
 * BEACON_LIMIT_PER_MINUTE is 0. One per process, shared by every bundle.
 */
export function beaconRateLimiter(): Promise<RateLimiter | undefined> {
  const slot = processSingleton<{ current?: Promise<RateLimiter | undefined> }>('views:rateLimiter', () => ({}));
  if (!slot.current) {
    const limit = beaconLimitPerMinute();
    const redisUrl = process.env.REDIS_URL?.trim();
    const options = { limit: limit ?? 0, windowMs: 60_000 };
    const opening: Promise<RateLimiter | undefined> =
      limit === undefined
        ? Promise.resolve(undefined)
        : redisUrl
          ? openRedisRateLimiter(redisUrl, options)
          : Promise.resolve(createMemoryRateLimiter(options));
    slot.current = opening;
    // A limiter that cannot even open is retried on a later beacon (which meanwhile goes through).
    opening.catch(() => {
      if (slot.current === opening) slot.current = undefined;
    });
  }
  return slot.current;
}
