import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { handleBeacon, type BeaconContext } from './beacon';
import { createMemoryRateLimiter } from './memoryRateLimiter';
import type { RateLimiter } from './rateLimiter';
import { openRedisStore } from './redisStore';
import { openSqliteStore } from './sqliteStore';
import type { ViewsStore } from './store';
import { neverAnsweringStore } from './testing/fakeStores';
import { resetStoreHealth } from './testing/health';
import { redisServerBinary, startRedis } from './testing/redisServer';

const READER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const OTHER_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const NOW = new Date('2026-11-25T12:00:00Z');
const SITE = 'https://news.example.org';

function beacon(body: unknown, headers: Record<string, string | undefined> = {}) {
  const all = { 'content-type': 'application/json', 'user-agent': READER_UA, 'x-peer-address': '127.0.0.1', ...headers };
  return new Request('http://localhost/api/views', {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined)),
  });
}

describe('POST /api/views', () => {
  let dir: string;
  let store: ViewsStore;
  let context: BeaconContext;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'beacon-'));
    store = await openSqliteStore(path.join(dir, 'views.db'), { now: () => NOW.getTime() });
    context = { store: async () => store, storyExists: async (slug) => slug === 'known', now: () => NOW, trustedProxies: 'loopback', siteOrigin: SITE };
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });
  afterEach(() => vi.restoreAllMocks());
  const count = async () => (await store.top(['2026-11-25'], 5)).find((c) => c.slug === 'known')?.views ?? 0;

  it('counts a reader once a day and answers 204', async () => {
    const first = await handleBeacon(beacon({ slug: 'known', locale: 'ru' }, { 'x-forwarded-for': '203.0.113.1' }), context);
    expect(first.status).toBe(204);
    expect(await count()).toBe(1);
    await handleBeacon(beacon({ slug: 'known', locale: 'en' }, { 'x-forwarded-for': '203.0.113.1' }), context);
    expect(await count()).toBe(1);
    await handleBeacon(beacon({ slug: 'known', locale: 'ru' }, { 'x-forwarded-for': '203.0.113.2' }), context);
    expect(await count()).toBe(2);
  });

  it('counts one address as one reader, whatever user agent it sends', async () => {
    const before = await count();
    for (const ua of [READER_UA, OTHER_UA, `${READER_UA} 1`, `${READER_UA} 2`]) {
      expect((await handleBeacon(beacon({ slug: 'known', locale: 'ru' }, { 'x-forwarded-for': '203.0.113.3', 'user-agent': ua }), context)).status).toBe(204);
    }
    expect(await count()).toBe(before + 1);
  });

  it('counts an IPv6 /64 (a household) as one reader', async () => {
    const before = await count();
    for (const address of ['2001:db8:5:6::1', '2001:db8:5:6::2', '2001:db8:5:6:ffff:1:2:3']) {
      await handleBeacon(beacon({ slug: 'known', locale: 'ru' }, { 'x-forwarded-for': address }), context);
    }
    expect(await count()).toBe(before + 1);
    await handleBeacon(beacon({ slug: 'known', locale: 'ru' }, { 'x-forwarded-for': '2001:db8:5:7::1' }), context);
    expect(await count()).toBe(before + 2);
  });

  it('does not believe X-Forwarded-For from an untrusted peer', async () => {
    const before = await count();
    await handleBeacon(beacon({ slug: 'known', locale: 'ru' }, { 'x-peer-address': '198.51.100.9', 'x-forwarded-for': '203.0.113.50' }), context);
    await handleBeacon(beacon({ slug: 'known', locale: 'ru' }, { 'x-peer-address': '198.51.100.9', 'x-forwarded-for': '203.0.113.51' }), context);
    expect(await count()).toBe(before + 1);
  });

  it('counts nothing without the launcher’s peer header, whatever X-Forwarded-For says, and says so once', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const before = await count();
    for (const forwarded of ['203.0.113.60', '203.0.113.61', '198.51.100.1, 203.0.113.62']) {
      const response = await handleBeacon(beacon({ slug: 'known', locale: 'ru' }, { 'x-peer-address': undefined, 'x-forwarded-for': forwarded }), context);
      expect(response.status).toBe(204);
    }
    expect(await handleBeacon(beacon({ slug: 'known', locale: 'ru' }, { 'x-peer-address': '' }), context).then((r) => r.status)).toBe(204);
    expect(await count()).toBe(before);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]![0])).toMatch(/\[views\] a beacon came without x-peer-address/);
  });

  it.each([
    ['marked cross-site by the browser', { 'sec-fetch-site': 'cross-site' }],
    ['from another origin', { origin: 'https://evil.example' }],
    ['from an opaque origin', { origin: 'null' }],
  ])('refuses a beacon %s with 403 and counts nothing', async (_name, headers) => {
    const before = await count();
    const response = await handleBeacon(beacon({ slug: 'known', locale: 'ru' }, { 'x-forwarded-for': '203.0.113.70', ...headers }), context);
    expect(response.status).toBe(403);
    expect(await count()).toBe(before);
  });

  it('counts a beacon from the site’s own pages', async () => {
    const before = await count();
    const response = await handleBeacon(
      beacon({ slug: 'known', locale: 'ru' }, { 'x-forwarded-for': '203.0.113.71', origin: SITE, 'sec-fetch-site': 'same-origin' }),
      context,
    );
    expect(response.status).toBe(204);
    expect(await count()).toBe(before + 1);
  });

  it('does not count bots but answers them 204', async () => {
    const before = await count();
    const response = await handleBeacon(beacon({ slug: 'known', locale: 'ru' }, { 'user-agent': 'Googlebot/2.1', 'x-forwarded-for': '203.0.113.9' }), context);
    expect(response.status).toBe(204);
    expect(await count()).toBe(before);
  });

  it.each([
    ['not JSON', '{slug', 400],
    ['a wrong shape', { slug: 'known' }, 400],
    ['an unknown locale', { slug: 'known', locale: 'de' }, 400],
    ['extra fields', { slug: 'known', locale: 'ru', views: 1000 }, 400],
    ['a malformed slug', { slug: '../etc/passwd', locale: 'ru' }, 400],
    ['an unknown story', { slug: 'unknown', locale: 'ru' }, 404],
    ['an oversized body', { slug: 'known', locale: 'ru', pad: 'x'.repeat(2000) }, 413],
  ])('rejects %s with %i and counts nothing', async (_name, body, status) => {
    const before = await count();
    const response = await handleBeacon(beacon(body, { 'x-forwarded-for': '203.0.113.77' }), context);
    expect(response.status).toBe(status);
    expect(await count()).toBe(before);
  });

  it('answers 429 with Retry-After to a reader over the limit, and counts nothing more', async () => {
    const limiter = createMemoryRateLimiter({ limit: 2, windowMs: 60_000, now: () => NOW.getTime() + 15_000 });
    const limited: BeaconContext = { ...context, limiter: async () => limiter };
    const statuses = [];
    for (const slug of ['known', 'known', 'known']) {
      statuses.push((await handleBeacon(beacon({ slug, locale: 'ru' }, { 'x-forwarded-for': '203.0.113.80' }), limited)).status);
    }
    expect(statuses).toEqual([204, 204, 429]);
    const refused = await handleBeacon(beacon({ slug: 'known', locale: 'ru' }, { 'x-forwarded-for': '203.0.113.80', 'user-agent': OTHER_UA }), limited);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('45');

    const before = await count();
    expect((await handleBeacon(beacon({ slug: 'known', locale: 'ru' }, { 'x-forwarded-for': '203.0.113.81' }), limited)).status).toBe(204);
    expect(await count()).toBe(before + 1);
  });

  it('lets beacons through when the limiter fails or hangs, and logs that once', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken: RateLimiter = { hit: async () => Promise.reject(new Error('READONLY')) };
    const hung: RateLimiter = { hit: () => new Promise(() => {}) };
    const before = await count();
    for (const [i, limiter] of [broken, hung, broken].entries()) {
      const started = performance.now();
      const response = await handleBeacon(beacon({ slug: 'known', locale: 'ru' }, { 'x-forwarded-for': `203.0.113.${90 + i}` }), { ...context, limiter: async () => limiter });
      expect(response.status).toBe(204);
      expect(performance.now() - started).toBeLessThan(500);
    }
    expect(await count()).toBe(before + 3);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]![0])).toMatch(/\[views\] rate limiter unavailable/);
  });

  it('stores no address, only a salted hash', async () => {
    const db = createClient({ url: `file:${path.join(dir, 'views.db')}` });
    const readers = (await db.execute('SELECT reader FROM readers')).rows.map((row) => String(row.reader));
    db.close();
    expect(readers.length).toBeGreaterThan(0);
    for (const reader of readers) expect(reader).toMatch(/^[0-9a-f]{32}$/);
    expect(readers.join()).not.toContain('203.0.113');
  });
});

describe('with the store down', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    resetStoreHealth();
  });

  it('answers within 150 ms when the store never answers, and logs the outage once', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = neverAnsweringStore('redis');
    const context: BeaconContext = { store: async () => store, storyExists: async () => true, now: () => NOW, siteOrigin: SITE };
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      const response = await handleBeacon(beacon({ slug: 'a', locale: 'ru' }, { 'x-forwarded-for': `203.0.113.${i + 10}` }), context);
      expect(response.status).toBe(204);
      expect(performance.now() - started).toBeLessThan(150);
    }
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]![0])).toMatch(/\[views\] store unavailable/);
  });

  it('answers at once while the store is known down, tries it in the background, and counts again once it is back', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    resetStoreHealth(1_000);
    let down = true;
    let writes = 0;
    const counted: string[] = [];
    const store: ViewsStore = {
      kind: 'sqlite',
      async record(view) {
        writes += 1;
        if (down) return new Promise<never>(() => {});
        counted.push(view.reader);
        return true;
      },
      top: async () => [],
      salt: async () => 'known salt',
      close: async () => {},
    };
    const context: BeaconContext = { store: async () => store, storyExists: async () => true, now: () => NOW, siteOrigin: SITE, deadlineMs: 300 };
    const send = (i: number) => handleBeacon(beacon({ slug: 'a', locale: 'ru' }, { 'x-forwarded-for': `203.0.${i}.1` }), context);

    // The beacon that finds the outage waits out its deadline; the next twenty do not wait at all.
    expect((await send(0)).status).toBe(204);
    for (let i = 1; i <= 20; i += 1) {
      const started = performance.now();
      expect((await send(i)).status).toBe(204);
      expect(performance.now() - started).toBeLessThan(20);
    }
    expect(writes).toBe(1);

    // Back: within the retry period a beacon's background try reaches it, is counted, and ends the outage.
    down = false;
    let i = 100;
    await expect.poll(async () => (await send((i += 1)), counted.length), { timeout: 5_000, interval: 100 }).toBeGreaterThan(0);
    await expect.poll(() => warnings.mock.calls.map(([line]) => String(line))).toEqual(['[views] store is answering again']);
    const before = counted.length;
    expect((await send(250)).status).toBe(204);
    expect(counted.length).toBe(before + 1);
  });

  it.runIf(redisServerBinary())('still answers 204 when Redis is killed', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const server = await startRedis();
    const store = await openRedisStore(server.url, 'down:', { now: () => NOW.getTime() });
    const context: BeaconContext = { store: async () => store, storyExists: async () => true, now: () => NOW, siteOrigin: SITE };
    expect((await handleBeacon(beacon({ slug: 'a', locale: 'ru' }), context)).status).toBe(204);
    expect(await store.top(['2026-11-25'], 5)).toEqual([{ slug: 'a', views: 1 }]);
    await server.stop();
    for (let i = 0; i < 3; i += 1) {
      const response = await handleBeacon(beacon({ slug: 'a', locale: 'ru' }, { 'x-forwarded-for': `203.0.113.${i + 20}` }), context);
      expect(response.status).toBe(204);
    }
    await store.close();
  });
});

describe('a launcher that does not set the peer header', () => {
  it('counts nothing even when a client sends the header itself', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'beacon-peer-'));
    const store = await openSqliteStore(path.join(dir, 'views.db'), { now: () => NOW.getTime() });
    try {
      const context: BeaconContext = { store: async () => store, storyExists: async () => true, now: () => NOW, siteOrigin: SITE };
      const forged = beacon({ slug: 'known', locale: 'ru' }, { 'x-peer-address': '203.0.113.9' });
      expect((await handleBeacon(forged, { ...context, peerHeaderTrusted: false })).status).toBe(204);
      expect(await store.top(['2026-11-25'], 5)).toEqual([]);
      // The same request under our launcher counts: the header is what made the difference.
      await handleBeacon(beacon({ slug: 'known', locale: 'ru' }, { 'x-peer-address': '203.0.113.9' }), context);
      expect(await store.top(['2026-11-25'], 5)).toEqual([{ slug: 'known', views: 1 }]);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a store that is down while the salt is known', () => {
  it('logs the outage once, not once per beacon (the cached salt proves nothing about the store)', async () => {
    const { storeHealth } = await import('./resilience');
    storeHealth().failing = false;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store: ViewsStore = {
      kind: 'redis',
      record: async () => Promise.reject(new Error('connection refused')),
      top: async () => [],
      salt: async () => 'known salt',
      close: async () => {},
    };
    const context: BeaconContext = { store: async () => store, storyExists: async () => true, now: () => NOW, siteOrigin: SITE };
    try {
      for (const address of ['203.0.113.71', '203.0.113.72', '203.0.113.73']) {
        expect((await handleBeacon(beacon({ slug: 'known', locale: 'ru' }, { 'x-peer-address': address }), context)).status).toBe(204);
      }
      expect(errors.mock.calls.filter(([line]) => String(line).includes('store unavailable'))).toHaveLength(1);
      expect(warnings.mock.calls.filter(([line]) => String(line).includes('answering again'))).toHaveLength(0);
    } finally {
      storeHealth().failing = false;
      errors.mockRestore();
      warnings.mockRestore();
    }
  });
});
