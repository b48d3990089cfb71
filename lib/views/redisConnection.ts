import Redis from 'ioredis';
import { failFastRedisOptions } from '../redisOptions.mjs';

/**
 * A Redis connection that fails fast instead of queueing: with Redis down, calls reject at once
 * (callers fall back) and it reconnects by itself. Shared by the views store and the rate limiter.
 */
export async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, failFastRedisOptions());
  // Connection errors surface on the calls (and are logged once there), not as unhandled events.
  redis.on('error', () => {});
  // Wait briefly for the first connection; if Redis is down, calls fail fast until it is back.
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 1000);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return redis;
}

/** Results of a MULTI, or the first command's error. */
export function execResults(results: Array<[Error | null, unknown]> | null): unknown[] {
  if (!results) throw new Error('transaction aborted');
  return results.map(([error, value]) => {
    if (error) throw error;
    return value;
  });
}
