import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@libsql/client';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRedisStore } from './redisStore';
import { openSqliteStore } from './sqliteStore';
import type { StoreOptions, ViewsStore } from './store';
import { fakeClock } from './testing/fakeClock';
import { redisServerBinary, startRedis } from './testing/redisServer';

/** What a store holds for a day, read behind its back (the stored rows and keys, not its answers). */
interface Footprint {
  readers(day: string): Promise<number>;
  hasSalt(day: string): Promise<boolean>;
}

interface Opened {
  store: ViewsStore;
  footprint: Footprint;
  done: () => Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The one suite both stores must pass. */
function contract(name: string, open: (options: StoreOptions) => Promise<Opened>) {
  describe(`${name} views store`, () => {
    const clock = fakeClock('2026-01-01T12:00:00Z');
    let store: ViewsStore;
    let footprint: Footprint;
    let done: () => Promise<void>;
    beforeAll(async () => {
      // No grace, so the Redis store's real expiry can be watched within the test.
      ({ store, footprint, done } = await open({ now: clock.now, windowDays: 7, graceMs: 0 }));
    });
    afterAll(async () => {
      await store.close();
      await done();
    });

    it('counts one view per reader, story and day', async () => {
      clock.set('2026-01-01T12:00:00Z');
      expect(await store.record({ slug: 'a', day: '2026-01-01', reader: 'r1' })).toBe(true);
      expect(await store.record({ slug: 'a', day: '2026-01-01', reader: 'r1' })).toBe(false);
      expect(await store.record({ slug: 'a', day: '2026-01-01', reader: 'r2' })).toBe(true);
      expect(await store.record({ slug: 'b', day: '2026-01-01', reader: 'r1' })).toBe(true);
      clock.set('2026-01-02T12:00:00Z');
      expect(await store.record({ slug: 'a', day: '2026-01-02', reader: 'r1' })).toBe(true);
      expect(await store.top(['2026-01-01'], 10)).toEqual([
        { slug: 'a', views: 2 },
        { slug: 'b', views: 1 },
      ]);
    });

    it('sums over the days asked for, most viewed first, ties by slug, up to the limit', async () => {
      clock.set('2026-01-02T12:00:00Z');
      await store.record({ slug: 'c', day: '2026-01-02', reader: 'r1' });
      await store.record({ slug: 'c', day: '2026-01-02', reader: 'r2' });
      await store.record({ slug: 'c', day: '2026-01-02', reader: 'r3' });
      expect(await store.top(['2026-01-01', '2026-01-02'], 10)).toEqual([
        { slug: 'a', views: 3 },
        { slug: 'c', views: 3 },
        { slug: 'b', views: 1 },
      ]);
      expect(await store.top(['2026-01-01', '2026-01-02'], 1)).toEqual([{ slug: 'a', views: 3 }]);
      expect(await store.top(['2025-12-31'], 10)).toEqual([]);
      expect(await store.top([], 10)).toEqual([]);
    });

    it('keeps one salt per day, the same on every call', async () => {
      clock.set('2026-01-02T12:00:00Z');
      const first = await store.salt('2026-01-02');
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(await store.salt('2026-01-02')).toBe(first);
      expect(await store.salt('2026-01-03')).not.toBe(first);
    });

    it('counts concurrent views of one story exactly', async () => {
      clock.set('2026-01-03T12:00:00Z');
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => store.record({ slug: 'busy', day: '2026-01-03', reader: `r${i % 25}` })),
      );
      expect(results.filter(Boolean)).toHaveLength(25);
      expect(await store.top(['2026-01-03'], 1)).toEqual([{ slug: 'busy', views: 25 }]);
    });

    it('deletes a day’s salt and reader hashes once the day is over, and keeps its counts', async () => {
      clock.set('2026-01-04T23:59:59.700Z');
      expect(await store.record({ slug: 'late', day: '2026-01-04', reader: 'r1' })).toBe(true);
      expect(await store.record({ slug: 'late', day: '2026-01-04', reader: 'r2' })).toBe(true);
      await store.salt('2026-01-04');
      expect(await footprint.readers('2026-01-04')).toBe(2);
      expect(await footprint.hasSalt('2026-01-04')).toBe(true);

      clock.advance(1000);
      await sleep(400); // Redis expires keys by its own clock: the 300 ms left of the day
      await store.salt('2026-01-05');
      expect(await footprint.readers('2026-01-04')).toBe(0);
      expect(await footprint.hasSalt('2026-01-04')).toBe(false);
      expect(await footprint.hasSalt('2026-01-05')).toBe(true);
      expect(await store.top(['2026-01-04'], 10)).toEqual([{ slug: 'late', views: 2 }]);
    });

    it('does not count, or keep, views of a day whose readers are already forgotten', async () => {
      clock.set('2026-01-06T12:00:00Z');
      expect(await store.record({ slug: 'old', day: '2025-12-20', reader: 'r9' })).toBe(false);
      expect(await store.record({ slug: 'old', day: '2026-01-05', reader: 'r9' })).toBe(false);
      expect(await footprint.readers('2025-12-20')).toBe(0);
      expect(await footprint.readers('2026-01-05')).toBe(0);
      expect(await store.top(['2025-12-20', '2026-01-05'], 10)).toEqual([]);
      await expect(store.salt('2025-12-20')).rejects.toThrow(/over/);
      expect(await footprint.hasSalt('2025-12-20')).toBe(false);
    });
  });
}

contract('SQLite', async (options) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'views-'));
  const file = path.join(dir, 'nested', 'views.db');
  const store = await openSqliteStore(file, options);
  const db = createClient({ url: `file:${file}` });
  const count = async (sql: string, day: string) => Number((await db.execute({ sql, args: [day] })).rows[0]![0]);
  return {
    store,
    footprint: {
      readers: (day) => count('SELECT COUNT(*) FROM readers WHERE day = ?', day),
      hasSalt: async (day) => (await count('SELECT COUNT(*) FROM salts WHERE day = ?', day)) > 0,
    },
    done: async () => {
      db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

if (redisServerBinary()) {
  contract('Redis', async (options) => {
    const server = await startRedis();
    const prefix = `test:${process.pid}:`;
    const store = await openRedisStore(server.url, prefix, options);
    const redis = new Redis(server.url);
    return {
      store,
      footprint: {
        readers: async (day) => (await redis.keys(`${prefix}reader:${day}:*`)).length,
        hasSalt: async (day) => (await redis.exists(`${prefix}salt:${day}`)) === 1,
      },
      done: async () => {
        redis.disconnect();
        await server.stop();
      },
    };
  });
} else {
  describe('Redis views store', () => {
    it.skip('needs redis-server (Debian: apt-get install -y redis-server); skipped because none was found', () => {});
  });
}
