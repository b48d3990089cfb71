import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleBeacon, type BeaconContext } from './beacon';
import { NETWORK_BUDGETS, withReaderBudgets } from './readerBudgets';
import { openSqliteStore } from './sqliteStore';
import type { View, ViewsStore } from './store';

const NOW = new Date('2026-11-25T12:00:00Z');
const DAY = '2026-11-25';
const SITE = 'https://news.example.org';
const READER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** A beacon from `address`, as the launcher tags it with the TCP peer. */
const beacon = (slug: string, address: string) =>
  new Request('http://localhost/api/views', {
    method: 'POST',
    body: JSON.stringify({ slug, locale: 'ru' }),
    headers: { 'content-type': 'application/json', 'user-agent': READER_UA, 'x-peer-address': address },
  });

/** The n-th /64 of the /48 2001:db8:bad::/48 (its /56s vary too: n runs over the fourth group). */
const floodAddress = (n: number) => `2001:db8:bad:${n.toString(16)}::1`;

// Six real readers, each from a network of its own: IPv4 and IPv6.
const REAL_READERS = ['198.51.100.7', '203.0.113.9', '192.0.2.44', '2001:db8:1:1::5', '2001:db8:2:7::9', '2a00:1450:4001:81b::200e'];

describe('views nobody can steer (the beacon, the budgets and a real SQLite store)', () => {
  let dir: string;
  let store: ViewsStore;
  let context: BeaconContext;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'budgets-'));
    store = withReaderBudgets(await openSqliteStore(path.join(dir, 'views.db'), { now: () => NOW.getTime() }));
    context = { store: async () => store, storyExists: async () => true, now: () => NOW, siteOrigin: SITE, deadlineMs: 1000 };
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });
  const send = async (slug: string, address: string) => expect((await handleBeacon(beacon(slug, address), context)).status).toBe(204);

  it('counts a flood of 1,500 readers from one /48 as four, below a story six real readers read, who still count', async () => {
    for (const address of REAL_READERS.slice(0, 3)) await send('real', address);
    for (let n = 0; n < 1_500; n += 1) await send('flood', floodAddress(n));
    for (const address of REAL_READERS.slice(3)) await send('real', address);
    expect(await store.top([DAY], 5)).toEqual([
      { slug: 'real', views: 6 },
      { slug: 'flood', views: NETWORK_BUDGETS['/48'].perStory },
    ]);
    expect(NETWORK_BUDGETS['/48'].perStory).toBeLessThanOrEqual(4);
  });

  it('counts a household /56 as three readers of a story, and an IPv4 /24 as eight', async () => {
    for (let n = 1; n <= 10; n += 1) await send('household', `2001:db8:77:4${n.toString(16)}::1`);
    for (let n = 1; n <= 20; n += 1) await send('office', `198.51.100.${n}`);
    expect(await store.top([DAY], 5)).toEqual([
      { slug: 'office', views: 8 },
      { slug: 'household', views: 3 },
    ]);
  });

  it('spends a network budget on new readers only: a reader reading again costs nothing', async () => {
    for (let i = 0; i < 10; i += 1) await send('story', '198.51.100.1');
    for (let n = 2; n <= 8; n += 1) await send('story', `198.51.100.${n}`);
    expect(await store.top([DAY], 5)).toEqual([{ slug: 'story', views: 8 }]);
  });
});

/** A store that remembers readers in memory, for the budgets' own limits. */
function memoryStore(): ViewsStore & { readers: Set<string> } {
  const readers = new Set<string>();
  return {
    kind: 'sqlite',
    readers,
    async record(view: View) {
      const key = `${view.day}:${view.reader}:${view.slug}`;
      if (readers.has(key)) return false;
      readers.add(key);
      return true;
    },
    top: async () => [],
    salt: async () => 'salt',
    close: async () => {},
  };
}

describe('withReaderBudgets', () => {
  afterEach(() => vi.restoreAllMocks());
  const limits = { networks: { '/24': { perStory: 2, perDay: 3 }, '/56': { perStory: 2, perDay: 3 }, '/48': { perStory: 2, perDay: 3 } }, perStory: 5 };

  it('stops one story at its daily cap, and only that story', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = withReaderBudgets(memoryStore(), limits);
    const counted = [];
    for (let i = 0; i < 8; i += 1) counted.push(await store.record({ slug: 'flooded', day: DAY, reader: `r${i}` }));
    expect(counted.filter(Boolean)).toHaveLength(5);
    expect(await store.record({ slug: 'other', day: DAY, reader: 'r0' })).toBe(true);
    expect(await store.record({ slug: 'flooded', day: '2026-11-26', reader: 'r0' })).toBe(true);
    expect(errors.mock.calls.filter(([line]) => String(line).includes('flooded'))).toHaveLength(1);
  });

  it('stops a network at its daily budget across stories, and only that network', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = withReaderBudgets(memoryStore(), limits);
    const network = [{ width: '/24' as const, hash: 'n1' }];
    const counted = [];
    for (let i = 0; i < 5; i += 1) counted.push(await store.record({ slug: `s${i}`, day: DAY, reader: `r${i}`, networks: network }));
    expect(counted).toEqual([true, true, true, false, false]);
    expect(await store.record({ slug: 's9', day: DAY, reader: 'x', networks: [{ width: '/24', hash: 'n2' }] })).toBe(true);
  });

  it('never overshoots with beacons in flight together', async () => {
    const inner = memoryStore();
    const slow: ViewsStore = { ...inner, record: async (view) => (await new Promise((resolve) => setTimeout(resolve, 5)), inner.record(view)) };
    const store = withReaderBudgets(slow, limits);
    const network = [{ width: '/48' as const, hash: 'n' }];
    const counted = await Promise.all(Array.from({ length: 20 }, (_, i) => store.record({ slug: 'a', day: DAY, reader: `r${i}`, networks: network })));
    expect(counted.filter(Boolean)).toHaveLength(2);
  });
});
