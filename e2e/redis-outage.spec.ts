import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { redisServerBinary, startRedis } from '../lib/views/testing/redisServer';
import { SEED } from './helpers';

const PORT = 3290;
const ORIGIN = `http://localhost:${PORT}`;
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

// A second instance of the built site, counting views in Redis (REDIS_URL), whose Redis is killed
// while it runs: every page must stay up and the beacon must stay fast.
test.describe('with Redis as the views store', () => {
  test.skip(!redisServerBinary(), 'needs redis-server (Debian: apt-get install -y redis-server)');
  let server: ChildProcess | undefined;
  let log = '';

  test.afterAll(() => {
    server?.kill('SIGTERM');
  });

  test('pages stay up and the beacon stays fast when Redis goes down', async ({ request }) => {
    test.setTimeout(90_000);
    const redis = await startRedis();
    server = spawn(process.execPath, ['scripts/server.mjs'], {
      env: { ...process.env, PORT: String(PORT), REDIS_URL: redis.url, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (chunk) => (log += chunk));
    server.stderr!.on('data', (chunk) => (log += chunk));
    await expect.poll(async () => (await request.get(`${ORIGIN}/ru`).catch(() => undefined))?.status(), { timeout: 30_000 }).toBe(200);

    for (let reader = 1; reader <= 3; reader += 1) {
      const response = await request.post(`${ORIGIN}/api/views`, {
        data: { slug: 'tap-pipeline-completed', locale: 'en' },
        headers: { 'x-forwarded-for': `198.51.100.${reader}`, 'user-agent': UA },
      });
      expect(response.status()).toBe(204);
    }
    await expect
      .poll(async () => (await (await request.get(`${ORIGIN}/en`)).text()).match(/data-component="popular".*?href="\/en\/news\/([a-z0-9-]+)"/s)?.[1], { timeout: 20_000 })
      .toBe('tap-pipeline-completed');

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
    expect(log.match(/\[views\] store unavailable/g) ?? []).toHaveLength(1);
  });
});
