import { randomBytes } from 'node:crypto';
import { popularWindowDays } from './days';
import { connectRedis, execResults } from './redisConnection';
import { DAY_GRACE_MS, forgetReadersAt, forgetViewsAt } from './retention';
import type { StoreOptions, ViewCount, ViewsStore, View } from './store';

/**
 * Redis store (REDIS_URL): one sorted set of story views per day, shared by every instance.
 * Every key expires when its day is done with (lib/views/retention.ts): salts and reader keys ten
 * minutes after their day, counts a day after they leave the Popular window. Lifetimes are
 * computed from the app's clock and given to Redis as relative PX (the same moment as PEXPIREAT
 * in production, and testable with a fake clock).
 */
export async function openRedisStore(url: string, prefix = 'news:', options: StoreOptions = {}): Promise<ViewsStore> {
  const now = options.now ?? Date.now;
  const windowDays = options.windowDays ?? popularWindowDays();
  const graceMs = options.graceMs ?? DAY_GRACE_MS;
  const redis = await connectRedis(url);
  const viewsKey = (day: string) => `${prefix}views:${day}`;

  return {
    kind: 'redis',
    async record(view: View) {
      const at = now();
      const readerTtl = forgetReadersAt(view.day, graceMs) - at;
      const viewsTtl = forgetViewsAt(view.day, windowDays) - at;
      if (readerTtl <= 0 || viewsTtl <= 0) return false;
      const fresh = await redis.set(`${prefix}reader:${view.day}:${view.reader}:${view.slug}`, '1', 'PX', readerTtl, 'NX');
      if (fresh !== 'OK') return false;
      execResults(await redis.multi().zincrby(viewsKey(view.day), 1, view.slug).pexpire(viewsKey(view.day), viewsTtl).exec());
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
      const ttl = forgetReadersAt(day, graceMs) - now();
      if (ttl <= 0) throw new RangeError(`no salt for ${day}: the day is over`);
      const key = `${prefix}salt:${day}`;
      await redis.set(key, randomBytes(32).toString('hex'), 'PX', ttl, 'NX');
      const salt = await redis.get(key);
      if (salt === null) throw new Error(`the salt for ${day} expired as it was made`);
      return salt;
    },
    async close() {
      redis.disconnect();
    },
  };
}
