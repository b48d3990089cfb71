import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRedisStore } from './redisStore';
import { openSqliteStore } from './sqliteStore';
import type { ViewsStore } from './store';
import { redisServerBinary, startRedis } from './testing/redisServer';

/** The one suite both stores must pass. */
function contract(name: string, open: () => Promise<{ store: ViewsStore; done: () => Promise<void> }>) {
  describe(`${name} views store`, () => {
    let store: ViewsStore;
    let done: () => Promise<void>;
    beforeAll(async () => {
      ({ store, done } = await open());
    });
    afterAll(async () => {
      await store.close();
      await done();
    });

    it('counts one view per reader, story and day', async () => {
      expect(await store.record({ slug: 'a', day: '2026-01-01', reader: 'r1' })).toBe(true);
      expect(await store.record({ slug: 'a', day: '2026-01-01', reader: 'r1' })).toBe(false);
      expect(await store.record({ slug: 'a', day: '2026-01-01', reader: 'r2' })).toBe(true);
      expect(await store.record({ slug: 'b', day: '2026-01-01', reader: 'r1' })).toBe(true);
      expect(await store.record({ slug: 'a', day: '2026-01-02', reader: 'r1' })).toBe(true);
      expect(await store.top(['2026-01-01'], 10)).toEqual([
        { slug: 'a', views: 2 },
        { slug: 'b', views: 1 },
      ]);
    });

    it('sums over the days asked for, most viewed first, ties by slug, up to the limit', async () => {
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
      const first = await store.salt('2026-01-01');
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(await store.salt('2026-01-01')).toBe(first);
      expect(await store.salt('2026-01-02')).not.toBe(first);
    });

    it('counts concurrent views of one story exactly', async () => {
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => store.record({ slug: 'busy', day: '2026-01-03', reader: `r${i % 25}` })),
      );
      expect(results.filter(Boolean)).toHaveLength(25);
      expect(await store.top(['2026-01-03'], 1)).toEqual([{ slug: 'busy', views: 25 }]);
    });
  });
}

contract('SQLite', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'views-'));
  const store = await openSqliteStore(path.join(dir, 'nested', 'views.db'));
  return { store, done: () => rm(dir, { recursive: true, force: true }) };
});

if (redisServerBinary()) {
  contract('Redis', async () => {
    const server = await startRedis();
    return { store: await openRedisStore(server.url, `test:${process.pid}:`), done: server.stop };
  });
} else {
  describe('Redis views store', () => {
    it.skip('needs redis-server (Debian: apt-get install -y redis-server); skipped because none was found', () => {});
  });
}
