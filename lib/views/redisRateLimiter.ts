import { connectRedis, execResults } from './redisConnection';
import { fixedWindow, verdict, type FixedWindowOptions, type RateLimiter } from './rateLimiter';

/**
 * The limiter shared by every instance (REDIS_URL): one counter per key and window, INCR and
 * PEXPIRE in one MULTI, so a counter never outlives its window.
 */
export async function openRedisRateLimiter(url: string, { limit, windowMs, now = Date.now }: FixedWindowOptions, prefix = 'news:') {
  const redis = await connectRedis(url);
  const limiter: RateLimiter & { close(): Promise<void> } = {
    async hit(key: string) {
      const at = now();
      const { index, endsAt } = fixedWindow(at, windowMs);
      const counter = `${prefix}beacons:${index}:${key}`;
      const [count] = execResults(await redis.multi().incr(counter).pexpire(counter, endsAt - at + 1000).exec());
      return verdict(Number(count), limit, at, endsAt);
    },
    async close() {
      redis.disconnect();
    },
  };
  return limiter;
}
