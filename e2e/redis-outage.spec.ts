import { expect, test } from '@playwright/test';
import { redisServerBinary, startRedis } from '../lib/views/testing/redisServer';
import { SEED } from './helpers';
import { startProductionServer } from './productionServer';

const PORT = 3290;
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

// A second instance of the built site, counting views in Redis (REDIS_URL), whose Redis is killed
// while it runs: every page must stay up and the beacon must stay fast.
test.describe('with Redis as the views store', () => {
  test.skip(!redisServerBinary(), 'needs redis-server (Debian: apt-get install -y redis-server)');
  let server: Awaited<ReturnType<typeof startProductionServer>> | undefined;

  test.afterAll(async () => {
    await server?.stop();
  });

  test('pages stay up and the beacon stays fast when Redis goes down', async ({ request }) => {
    test.setTimeout(150_000);
    const redis = await startRedis();
    server = await startProductionServer(PORT, { REDIS_URL: redis.url });
    const ORIGIN = server.origin;

    for (let reader = 1; reader <= 3; reader += 1) {
      const response = await request.post(`${ORIGIN}/api/views`, {
        data: { slug: 'tap-pipeline-completed', locale: 'en' },
        headers: { 'x-forwarded-for': `198.51.100.${reader}`, 'user-agent': UA },
      });
      expect(response.status()).toBe(204);
    }
    await expect
      // The front page is cached for at most 30 s: Popular follows within a minute.
      .poll(async () => (await (await request.get(`${ORIGIN}/en`)).text()).match(/data-component="popular".*?href="\/en\/news\/([a-z0-9-]+)"/s)?.[1], { timeout: 65_000, intervals: [1_000] })
      .toBe('tap-pipeline-completed');

    // Only what the outage logs: a first connection slower than the beacon's deadline on a busy
    // machine may log (and clear) a hiccup before it.
    const before = server.log().length;
    await redis.stop();

    for (const path of ['/ru', '/en', `/ru/news/${SEED}`, `/en/news/${SEED}`, '/ru/archive', '/en/section/energy']) {
      const started = Date.now();
      const response = await request.get(`${ORIGIN}${path}`);
      expect(response.status(), path).toBe(200);
      if (!path.includes('archive') && !path.includes('section')) {
        expect(await response.text(), path).toContain('data-component="popular"');
      }
      expect(Date.now() - started, path).toBeLessThan(3_000);
    }
    for (let i = 0; i < 5; i += 1) {
      const started = Date.now();
      const response = await request.post(`${ORIGIN}/api/views`, {
        data: { slug: SEED, locale: 'ru' },
        headers: { 'x-forwarded-for': `198.51.100.${50 + i}`, 'user-agent': UA },
      });
      expect(response.status()).toBe(204);
      expect(Date.now() - started).toBeLessThan(150);
    }
    const outageLog = server.log().slice(before);
    expect(outageLog.match(/\[views\] store unavailable/g) ?? [], outageLog).toHaveLength(1);
  });
});
