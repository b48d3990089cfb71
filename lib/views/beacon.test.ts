import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handleBeacon, type BeaconContext } from './beacon';
import { openRedisStore } from './redisStore';
import { openSqliteStore } from './sqliteStore';
import type { ViewsStore } from './store';
import { redisServerBinary, startRedis } from './testing/redisServer';

const READER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const NOW = new Date('2026-11-25T12:00:00Z');

function beacon(body: unknown, headers: Record<string, string> = {}) {
  return new Request('http://localhost/api/views', {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', 'user-agent': READER_UA, 'x-peer-address': '127.0.0.1', ...headers },
  });
}

describe('POST /api/views', () => {
  let dir: string;
  let store: ViewsStore;
  let context: BeaconContext;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'beacon-'));
    store = await openSqliteStore(path.join(dir, 'views.db'));
    context = { store: async () => store, storyExists: async (slug) => slug === 'known', now: () => NOW, trustedProxies: 'loopback' };
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });
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

  it('does not believe X-Forwarded-For from an untrusted peer', async () => {
    const before = await count();
    await handleBeacon(beacon({ slug: 'known', locale: 'ru' }, { 'x-peer-address': '198.51.100.9', 'x-forwarded-for': '203.0.113.50' }), context);
    await handleBeacon(beacon({ slug: 'known', locale: 'ru' }, { 'x-peer-address': '198.51.100.9', 'x-forwarded-for': '203.0.113.51' }), context);
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

  it('stores no address, only a salted hash', async () => {
    const dump = await (await import('@libsql/client')).createClient({ url: `file:${path.join(dir, 'views.db')}` }).execute('SELECT reader FROM readers');
    const readers = dump.rows.map((row) => String(row.reader));
    expect(readers.length).toBeGreaterThan(0);
    for (const reader of readers) expect(reader).toMatch(/^[0-9a-f]{32}$/);
    expect(readers.join()).not.toContain('203.0.113');
  });
});

describe.runIf(redisServerBinary())('with the store down', () => {
  it('answers the beacon within 150 ms and logs the outage once', async () => {
    const server = await startRedis();
    const store = await openRedisStore(server.url, 'down:');
    const context: BeaconContext = { store: async () => store, storyExists: async () => true, now: () => NOW };
    expect((await handleBeacon(beacon({ slug: 'a', locale: 'ru' }), context)).status).toBe(204);
    expect(await store.top(['2026-11-25'], 5)).toEqual([{ slug: 'a', views: 1 }]);

    await server.stop();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      const response = await handleBeacon(beacon({ slug: 'a', locale: 'ru' }, { 'x-forwarded-for': `203.0.113.${i + 10}` }), context);
      expect(response.status).toBe(204);
      expect(performance.now() - started).toBeLessThan(150);
    }
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]![0])).toMatch(/\[views\] store unavailable/);
    errors.mockRestore();
    await store.close();
  });
});
