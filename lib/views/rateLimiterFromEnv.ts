import { processOpenedOnce } from '../process/registry';
import { createMemoryRateLimiter } from './memoryRateLimiter';
import { beaconLimitPerMinute, type RateLimiter } from './rateLimiter';
import { openRedisRateLimiter } from './redisRateLimiter';
import { settings } from '../config/settings';

/**
 * The beacon's limiter, chosen like the views store: in Redis when REDIS_URL is set (so the limit
 * holds across instances), else in this process's memory. Undefined when
 * BEACON_LIMIT_PER_MINUTE is 0. One per process, shared by every bundle.
 */
export function beaconRateLimiter(): Promise<RateLimiter | undefined> {
  // A limiter that cannot even open is retried on a later beacon (which meanwhile goes through).
  return processOpenedOnce('views:rateLimiter', async () => {
    const limit = beaconLimitPerMinute();
    if (limit === undefined) return undefined;
    const { redisUrl } = settings();
    const options = { limit, windowMs: 60_000 };
    return redisUrl ? openRedisRateLimiter(redisUrl, options) : createMemoryRateLimiter(options);
  });
}
