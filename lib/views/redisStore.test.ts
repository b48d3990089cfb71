import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRedisStore } from './redisStore';
import type { ViewsStore } from './store';
import { fakeClock } from './testing/fakeClock';
import { redisServerBinary, startRedis } from './testing/redisServer';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe.runIf(redisServerBinary())('Redis store retention', () => {
  const clock = fakeClock('2026-03-01T12:00:00Z');
  let server: Awaited<ReturnType<typeof startRedis>>;
  let store: ViewsStore;
  let redis: Redis;
  beforeAll(async () => {
    server = await startRedis();
    store = await openRedisStore(server.url, 'ttl:', { now: clock.now, windowDays: 7 });
    redis = new Redis(server.url);
  });
  afterAll(async () => {
    await store.close();
    redis.disconnect();
    await server.stop();
  });

  it('gives every key a lifetime: salt and readers until 00:10 after their day, counts a day past the window', async () => {
    await store.salt('2026-03-01');
    await store.record({ slug: 'a', day: '2026-03-01', reader: 'r1' });
    const keys = await redis.keys('ttl:*');
    expect(keys.sort()).toEqual(['ttl:reader:2026-03-01:r1:a', 'ttl:salt:2026-03-01', 'ttl:views:2026-03-01']);
    const near = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThan(5_000);
    near(await redis.pttl('ttl:salt:2026-03-01'), 12 * HOUR + 10 * MINUTE);
    near(await redis.pttl('ttl:reader:2026-03-01:r1:a'), 12 * HOUR + 10 * MINUTE);
    near(await redis.pttl('ttl:views:2026-03-01'), 7 * DAY + 12 * HOUR);
  });
});
