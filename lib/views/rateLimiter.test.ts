import Redis from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createMemoryRateLimiter } from './memoryRateLimiter';
import { readSettings } from '../config/settings';
import { openRedisRateLimiter } from './redisRateLimiter';
import { fakeClock } from './testing/fakeClock';
import { redisServerBinary, startRedis } from './testing/redisServer';

describe('BEACON_LIMIT_PER_MINUTE', () => {
  const limit = (raw: string | undefined) => readSettings({ BEACON_LIMIT_PER_MINUTE: raw });
  it('defaults to 60, 0 turns it off, nonsense is refused by name', () => {
    expect(limit(undefined).settings?.beaconLimitPerMinute).toBe(60);
    expect(limit('').settings?.beaconLimitPerMinute).toBe(60);
    expect(limit('120').settings?.beaconLimitPerMinute).toBe(120);
    expect(limit('0').settings?.beaconLimitPerMinute).toBeUndefined();
    for (const bad of ['-1', '1.5', 'lots']) {
      expect(limit(bad).problems).toEqual([`BEACON_LIMIT_PER_MINUTE=${bad}: expected a whole number of beacons per minute, 0 for no limit`]);
    }
  });
});

describe('in-memory rate limiter', () => {
  it('tracks at most maxKeys keys under a flood of distinct addresses, dropping the oldest', async () => {
    const clock = fakeClock('2026-11-25T12:00:00Z');
    const limiter = createMemoryRateLimiter({ limit: 1, windowMs: 60_000, now: clock.now, maxKeys: 100 });
    for (let i = 0; i < 1000; i += 1) await limiter.hit(`flood-${i}`);
    expect(limiter.size).toBe(100);
    expect((await limiter.hit('flood-999')).allowed).toBe(false);
  });

  it('drops expired windows as new ones start', async () => {
    const clock = fakeClock('2026-11-25T12:00:00Z');
    const limiter = createMemoryRateLimiter({ limit: 1, windowMs: 60_000, now: clock.now, maxKeys: 100 });
    for (let i = 0; i < 50; i += 1) await limiter.hit(`old-${i}`);
    clock.advance(60_000);
    await limiter.hit('new');
    expect(limiter.size).toBe(1);
  });
});

describe.runIf(redisServerBinary())('Redis rate limiter', () => {
  it('leaves no counter behind its window', async () => {
    const server = await startRedis();
    const clock = fakeClock('2026-11-25T12:00:59.000Z');
    const limiter = await openRedisRateLimiter(server.url, { limit: 5, windowMs: 60_000, now: clock.now }, 'rl:');
    const redis = new Redis(server.url);
    try {
      await limiter.hit('reader');
      const [key] = await redis.keys('rl:*');
      expect(key).toBeDefined();
      expect(await redis.pttl(key!)).toBeLessThanOrEqual(2_000);
    } finally {
      redis.disconnect();
      await limiter.close();
      await server.stop();
    }
  });
});
