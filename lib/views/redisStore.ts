import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import type { ViewCount, ViewsStore, View } from './store';

// Day keys outlive the longest window a reader can ask for (POPULAR_WINDOW_DAYS ≤ 366).
const VIEWS_TTL_SECONDS = 400 * 86_400;
const READER_TTL_SECONDS = 2 * 86_400;

/**
 * Redis store (REDIS_URL): one sorted set of story views per day, shared by every instance.
 * It fails fast instead of queueing: with Redis down, calls reject at once and callers fall back.
 */
export async function openRedisStore(url: string, prefix = 'news:'): Promise<ViewsStore> {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    lazyConnect: false,
  });
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
  const viewsKey = (day: string) => `${prefix}views:${day}`;

  return {
    kind: 'redis',
    async record(view: View) {
      const fresh = await redis.set(`${prefix}reader:${view.day}:${view.reader}:${view.slug}`, '1', 'EX', READER_TTL_SECONDS, 'NX');
      if (fresh !== 'OK') return false;
      await redis.multi().zincrby(viewsKey(view.day), 1, view.slug).expire(viewsKey(view.day), VIEWS_TTL_SECONDS).exec();
      return true;
    },
    async top(days: string[], limit: number): Promise<ViewCount[]> {
      if (days.length === 0) return [];
      const flat = await redis.call('ZUNION', String(days.length), ...days.map(viewsKey), 'WITHSCORES');
      const pairs = flat as string[];
      const counts: ViewCount[] = [];
      for (let i = 0; i < pairs.length; i += 2) counts.push({ slug: pairs[i]!, views: Number(pairs[i + 1]) });
      return counts.sort((a, b) => b.views - a.views || a.slug.localeCompare(b.slug)).slice(0, limit);
    },
    async salt(day: string) {
      const key = `${prefix}salt:${day}`;
      await redis.set(key, randomBytes(32).toString('hex'), 'EX', READER_TTL_SECONDS, 'NX');
      return (await redis.get(key))!;
    },
    async close() {
      redis.disconnect();
    },
  };
}
