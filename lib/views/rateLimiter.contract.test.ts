import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryRateLimiter } from './memoryRateLimiter';
import type { FixedWindowOptions, RateLimiter } from './rateLimiter';
import { openRedisRateLimiter } from './redisRateLimiter';
import { fakeClock } from './testing/fakeClock';
import { redisServerBinary, startRedis } from './testing/redisServer';

/** The one suite both limiters must pass. */
function contract(name: string, open: (options: FixedWindowOptions) => Promise<{ limiter: RateLimiter; done: () => Promise<void> }>) {
  describe(`${name} rate limiter`, () => {
    const clock = fakeClock('2026-11-25T12:00:10Z');
    let limiter: RateLimiter;
    let done: () => Promise<void>;
    beforeAll(async () => {
      ({ limiter, done } = await open({ limit: 3, windowMs: 60_000, now: clock.now }));
    });
    afterAll(() => done());

    it('allows `limit` hits per key and window, then refuses until the window ends', async () => {
      clock.set('2026-11-25T12:00:10Z');
      for (let i = 0; i < 3; i += 1) expect(await limiter.hit('a')).toEqual({ allowed: true, retryAfterSeconds: 0 });
      expect(await limiter.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 50 });
      clock.set('2026-11-25T12:00:59.500Z');
      expect(await limiter.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
      clock.set('2026-11-25T12:01:00Z');
      expect((await limiter.hit('a')).allowed).toBe(true);
    });

    it('counts each key on its own', async () => {
      clock.set('2026-11-25T12:05:00Z');
      for (let i = 0; i < 4; i += 1) await limiter.hit('b');
      expect((await limiter.hit('b')).allowed).toBe(false);
      expect((await limiter.hit('c')).allowed).toBe(true);
    });

    it('counts concurrent hits exactly', async () => {
      clock.set('2026-11-25T12:10:00Z');
      const verdicts = await Promise.all(Array.from({ length: 20 }, () => limiter.hit('d')));
      expect(verdicts.filter((v) => v.allowed)).toHaveLength(3);
    });
  });
}

contract('in-memory', async (options) => ({ limiter: createMemoryRateLimiter(options), done: async () => {} }));

if (redisServerBinary()) {
  contract('Redis', async (options) => {
    const server = await startRedis();
    const limiter = await openRedisRateLimiter(server.url, options, `test:${process.pid}:`);
    return {
      limiter,
      done: async () => {
        await limiter.close();
        await server.stop();
      },
    };
  });
} else {
  describe('Redis rate limiter', () => {
    it.skip('needs redis-server (Debian: apt-get install -y redis-server); skipped because none was found', () => {});
  });
}
