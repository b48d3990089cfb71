import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisServerBinary, startRedis } from '../views/testing/redisServer';
import { createPageCacheHandler, decodeValue, encodeValue, type PageCacheHandlerClass } from './redisCacheHandler.mjs';

// The handler's methods take Next's kinds as const enums; the tests pass the same strings.
interface Handler {
  get(key: string, ctx: object): Promise<{ lastModified: number; value: unknown; cacheControl?: unknown } | null>;
  set(key: string, data: object | null, ctx: object): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const PAGE = { kind: 'APP_PAGE', isFallback: false };
const ROUTE = { kind: 'APP_ROUTE', isFallback: false };
const SET = { cacheControl: { revalidate: 30, expire: 31_536_000 } };

function appPage(tags: string, html = '<!DOCTYPE html><html lang="ru"><body>Новости 🌍 «$b» \u0000</body></html>') {
  return {
    kind: 'APP_PAGE',
    html,
    rscData: Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
    status: 200,
    postponed: undefined,
    headers: { 'x-next-cache-tags': tags, 'content-type': 'text/html; charset=utf-8', vary: ['rsc', 'next-router-state-tree'], $b: 'not a buffer', 'x-count': 3 },
    segmentData: new Map([
      ['/_tree', Buffer.from('tree segment')],
      ['/[locale]/news/[slug]/__PAGE__', Buffer.from([0, 255, 128, 10])],
      ['/$m', Buffer.alloc(0)],
    ]),
  };
}

function appRoute(tags?: string) {
  return {
    kind: 'APP_ROUTE',
    body: Buffer.from([0xff, 0xfe, 0x00, 0x3c, 0x72, 0x73, 0x73, 0x3e]),
    status: 200,
    headers: { 'content-type': 'application/rss+xml', ...(tags ? { 'x-next-cache-tags': tags } : {}) },
  };
}

function expectSameValue(actual: unknown, expected: unknown) {
  expect(actual).toEqual(expected);
  if (expected === null) return;
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  for (const field of ['rscData', 'body'] as const) {
    if (e[field] !== undefined) expect(Buffer.isBuffer(a[field])).toBe(true);
  }
  if (e.segmentData !== undefined) {
    expect(a.segmentData).toBeInstanceOf(Map);
    for (const buffer of (a.segmentData as Map<string, unknown>).values()) expect(Buffer.isBuffer(buffer)).toBe(true);
    expect([...(a.segmentData as Map<string, unknown>).keys()]).toEqual([...(e.segmentData as Map<string, unknown>).keys()]);
  }
}

describe('serialization', () => {
  it('round-trips every kind of value, Buffers and Maps included', () => {
    const values = [
      appPage('_N_T_/layout,_N_T_/ru/news/a'),
      { ...appPage('x'), rscData: undefined, segmentData: undefined, postponed: 'postponed state' },
      appRoute('_N_T_/ru/rss.xml'),
      { kind: 'PAGES', html: '<p>x</p>', pageData: { pageProps: { $b: 'x', $$m: ['y', null, 1.5] } }, status: 404, headers: undefined },
      { kind: 'FETCH', data: { headers: { a: 'b' }, body: '{"json":true}', url: 'https://example.org/', status: 200 }, tags: ['posts'], revalidate: 60 },
      { kind: 'REDIRECT', props: { $b: 'looks like a Buffer', $m: [['looks', 'like a Map']], nested: { $$: 1 } } },
      null,
    ];
    for (const value of values) {
      const restored = decodeValue(JSON.parse(JSON.stringify(encodeValue(value))));
      expectSameValue(restored, value);
    }
  });

  it('refuses what it could not restore exactly', () => {
    expect(() => encodeValue({ when: new Date(0) })).toThrow(/Date/);
    expect(() => encodeValue({ n: Number.NaN })).toThrow(/NaN/);
  });
});

describe.runIf(redisServerBinary())('Redis page cache handler', () => {
  let server: Awaited<ReturnType<typeof startRedis>>;
  let admin: Redis;
  let dir: string;
  const classes: PageCacheHandlerClass[] = [];
  const ctxA = { serverDistDir: '', revalidatedTags: [], _requestHeaders: {} };
  const ctxB = { serverDistDir: '', revalidatedTags: [], _requestHeaders: {} };

  /** A handler as one instance's Next makes it for a request (each class: its own connection). */
  function instance(settings: Parameters<typeof createPageCacheHandler>[0] = {}) {
    const Class = createPageCacheHandler({ redisUrl: server.url, ...settings });
    classes.push(Class);
    return { Class, handler: (ctx: object = ctxA) => new Class(ctx as never) as unknown as Handler };
  }

  beforeAll(async () => {
    server = await startRedis();
    admin = new Redis(server.url);
    dir = await mkdtemp(path.join(os.tmpdir(), 'page-cache-'));
    for (const [name, ctx] of [['build-a', ctxA], ['build-b', ctxB]] as const) {
      await mkdir(path.join(dir, name, 'server'), { recursive: true });
      await writeFile(path.join(dir, name, 'BUILD_ID'), `${name}-id\n`);
      ctx.serverDistDir = path.join(dir, name, 'server');
    }
  });

  afterAll(async () => {
    await Promise.all(classes.map((Class) => Class.close()));
    admin.disconnect();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores and reads back an APP_PAGE and an APP_ROUTE entry exactly, with its cache control', async () => {
    const one = instance().handler();
    const page = appPage('_N_T_/layout,_N_T_/ru/news/round-trip');
    const before = Date.now();
    await one.set('/route-cache/APP_PAGE/abc/$/ru/news/round-trip', page, SET);
    const got = await one.get('/route-cache/APP_PAGE/abc/$/ru/news/round-trip', PAGE);
    expectSameValue(got?.value, page);
    expect(got?.cacheControl).toEqual(SET.cacheControl);
    expect(got?.lastModified).toBeGreaterThanOrEqual(before);
    expect(got?.lastModified).toBeLessThanOrEqual(Date.now());

    const route = appRoute();
    await one.set('/route-cache/APP_ROUTE/def/$/ru/rss.xml', route, { cacheControl: { revalidate: false } });
    const gotRoute = await one.get('/route-cache/APP_ROUTE/def/$/ru/rss.xml', ROUTE);
    expectSameValue(gotRoute?.value, route);
    expect(gotRoute?.cacheControl).toEqual({ revalidate: false });

    // A not-found entry (value null) is an entry too, as in Next's own memory cache.
    await one.set('/route-cache/APP_PAGE/abc/$/gone', null, SET);
    expect(await one.get('/route-cache/APP_PAGE/abc/$/gone', PAGE)).toMatchObject({ value: null });
    expect(await one.get('/route-cache/APP_PAGE/abc/$/never-set', PAGE)).toBeNull();
  });

  it('keys entries under news:page:<BUILD_ID> with a lifetime, and the tags hash outlives them', async () => {
    const one = instance().handler();
    await one.set('/ttl-check', appPage('_N_T_/ttl'), SET);
    await one.revalidateTag('_N_T_/never-used');
    const day = 24 * 60 * 60 * 1000;
    const entryTtl = await admin.pttl('news:page:build-a-id:entry:/ttl-check');
    expect(entryTtl).toBeGreaterThan(day - 5_000);
    expect(entryTtl).toBeLessThanOrEqual(day);
    expect(await admin.pttl('news:page:build-a-id:tags')).toBeGreaterThan(day - 5_000);
    expect(await admin.hget('news:page:build-a-id:entry:/ttl-check', 't')).toBe('["_N_T_/ttl"]');
  });

  it('shares entries between instances', async () => {
    const [first, second] = [instance().handler(), instance().handler()];
    const page = appPage('_N_T_/layout,_N_T_/en/news/shared');
    await first.set('/route-cache/APP_PAGE/abc/$/en/news/shared', page, SET);
    expectSameValue((await second.get('/route-cache/APP_PAGE/abc/$/en/news/shared', PAGE))?.value, page);
  });

  it("a tag revalidated on one instance expires the entry on the other, until it is rendered again", async () => {
    const [first, second] = [instance().handler(), instance().handler()];
    const key = '/route-cache/APP_PAGE/abc/$/ru/news/edited';
    await second.set(key, appPage('_N_T_/layout,_N_T_/[locale]/layout,_N_T_/ru/news/edited'), SET);
    await second.set('/route-cache/APP_PAGE/abc/$/ru/news/other', appPage('_N_T_/layout,_N_T_/ru/news/other'), SET);
    await sleep(5);
    // What revalidatePath('/ru/news/edited') sends: its implicit path tag, no durations.
    await first.revalidateTag(['_N_T_/ru/news/edited']);
    expect(await second.get(key, PAGE)).toBeNull();
    expect(await first.get(key, PAGE)).toBeNull();
    expect(await second.get('/route-cache/APP_PAGE/abc/$/ru/news/other', PAGE)).not.toBeNull();
    await sleep(5);
    const edited = appPage('_N_T_/layout,_N_T_/[locale]/layout,_N_T_/ru/news/edited', '<p>edited</p>');
    await first.set(key, edited, SET);
    expect((await second.get(key, PAGE))?.value).toMatchObject({ html: '<p>edited</p>' });
    // revalidatePath('/[locale]', 'layout'): every page under the locale layout.
    await sleep(5);
    await second.revalidateTag('_N_T_/[locale]/layout');
    expect(await first.get(key, PAGE)).toBeNull();
    expect(await first.get('/route-cache/APP_PAGE/abc/$/ru/news/other', PAGE)).not.toBeNull();
  });

  it('an entry rendered from before a revalidation and stored after it is not served as fresh', async () => {
    const [first, second] = [instance().handler(), instance().handler()];
    const key = '/route-cache/APP_PAGE/abc/$/en/news/race';
    const tags = '_N_T_/layout,_N_T_/en/news/race';
    await first.set(key, appPage(tags, '<p>old</p>'), SET);
    await sleep(5);
    // The edit: the first instance reloads and revalidates; the second has not reloaded yet.
    await first.revalidateTag(['_N_T_/en/news/race']);
    expect(await second.get(key, PAGE)).toBeNull();
    await sleep(5);
    // The second instance's own reload and revalidation land while it renders the old content...
    await second.revalidateTag(['_N_T_/en/news/race']);
    await sleep(5);
    // ...and that render is stored after them: made before the revalidation, so not fresh.
    await second.set(key, appPage(tags, '<p>old</p>'), SET);
    expect(await first.get(key, PAGE)).toBeNull();
    await first.set(key, appPage(tags, '<p>new</p>'), SET);
    expect((await second.get(key, PAGE))?.value).toMatchObject({ html: '<p>new</p>' });
    expect((await first.get(key, PAGE))?.value).toMatchObject({ html: '<p>new</p>' });
  });

  it("follows Next's default cache (FileSystemCache) on every revalidation it is given", async () => {
    // The same calls on Next's own handler (memory only, as with isrFlushToDisk: false) and on two
    // instances of this one: each read must agree on hit or miss, and on the expected outcome.
    const require = createRequire(import.meta.url);
    const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache.js').default;
    const { nodeFs } = require('next/dist/server/lib/node-fs-methods.js');
    const reference: Handler = new FileSystemCache({
      fs: nodeFs,
      serverDistDir: path.join(dir, 'reference', 'server'),
      flushToDisk: false,
      maxMemoryCacheSize: 50 * 1024 * 1024,
      revalidatedTags: [],
      _requestHeaders: {},
    });
    const [writer, reader] = [instance().handler(), instance().handler()];
    const both = {
      set: async (key: string, value: object) => {
        await reference.set(key, value, SET);
        await writer.set(key, value, SET);
        await sleep(3);
      },
      revalidate: async (tags: string | string[], durations?: { expire?: number }) => {
        await reference.revalidateTag(tags, durations);
        await writer.revalidateTag(tags, durations);
        await sleep(3);
      },
      hit: async (key: string, ctx: object) => {
        const expected = (await reference.get(key, ctx)) !== null;
        const actual = (await reader.get(key, ctx)) !== null;
        expect({ key, hit: actual }).toEqual({ key, hit: expected });
        return actual;
      },
    };
    const fetchValue = { kind: 'FETCH', data: { headers: {}, body: '[]', url: 'https://example.org/api', status: 200 }, tags: ['d-posts'], revalidate: 60 };
    const fetchCtx = { kind: 'FETCH', tags: ['d-posts'], softTags: ['_N_T_/f/layout', '_N_T_/f/page'] };

    await both.set('/d/one', appPage('_N_T_/d/layout,_N_T_/d/one'));
    await both.set('/d/two', appPage('_N_T_/d/layout,_N_T_/d/two'));
    await both.set('/d/untagged', appRoute());
    await both.set('/d/route', appRoute('_N_T_/d/route'));
    await both.set('fetch-key', fetchValue);
    expect(await both.hit('/d/one', PAGE)).toBe(true);

    await both.revalidate('_N_T_/d/one'); // expires now
    expect(await both.hit('/d/one', PAGE)).toBe(false);
    expect(await both.hit('/d/two', PAGE)).toBe(true);
    await both.set('/d/one', appPage('_N_T_/d/layout,_N_T_/d/one'));
    expect(await both.hit('/d/one', PAGE)).toBe(true);

    await both.revalidate(['_N_T_/d/two'], {}); // stale only: the default cache still answers
    expect(await both.hit('/d/two', PAGE)).toBe(true);
    await both.revalidate(['_N_T_/d/two'], { expire: 0 });
    expect(await both.hit('/d/two', PAGE)).toBe(false);

    await both.set('/d/two', appPage('_N_T_/d/layout,_N_T_/d/two'));
    await both.revalidate('_N_T_/d/two', { expire: 0.3 }); // expires in 300 ms
    expect(await both.hit('/d/two', PAGE)).toBe(true);
    await sleep(350);
    expect(await both.hit('/d/two', PAGE)).toBe(false);

    await both.revalidate('_N_T_/d/route');
    expect(await both.hit('/d/route', ROUTE)).toBe(false);
    await both.revalidate('_N_T_/d/layout');
    expect(await both.hit('/d/one', PAGE)).toBe(false);
    expect(await both.hit('/d/untagged', ROUTE)).toBe(true);

    // Fetch entries are checked against the tags the request brings, soft (implicit) ones included.
    expect(await both.hit('fetch-key', fetchCtx)).toBe(true);
    await both.revalidate('_N_T_/f/page');
    expect(await both.hit('fetch-key', fetchCtx)).toBe(false);
    expect(await both.hit('fetch-key', { kind: 'FETCH', tags: ['d-posts'], softTags: [] })).toBe(true);
    await both.revalidate('d-posts');
    expect(await both.hit('fetch-key', { kind: 'FETCH', tags: ['d-posts'], softTags: [] })).toBe(false);
  });

  it("never serves another build's entries, nor expires them", async () => {
    const one = instance().handler(ctxA);
    const otherBuild = instance().handler(ctxB);
    await one.set('/route-cache/APP_PAGE/abc/$/ru', appPage('_N_T_/layout,_N_T_/ru'), SET);
    expect(await otherBuild.get('/route-cache/APP_PAGE/abc/$/ru', PAGE)).toBeNull();
    await otherBuild.set('/route-cache/APP_PAGE/abc/$/ru', appPage('_N_T_/layout,_N_T_/ru', '<p>build b</p>'), SET);
    await sleep(5);
    await otherBuild.revalidateTag('_N_T_/ru');
    expect((await one.get('/route-cache/APP_PAGE/abc/$/ru', PAGE))?.value).toMatchObject({ kind: 'APP_PAGE' });
    expect((await one.get('/route-cache/APP_PAGE/abc/$/ru', PAGE))?.value).not.toMatchObject({ html: '<p>build b</p>' });
    // A custom prefix replaces news:page, never the build id.
    const prefixed = instance({ prefix: 'site2:pages' }).handler(ctxA);
    await prefixed.set('/p', appRoute(), SET);
    expect(await admin.exists('site2:pages:build-a-id:entry:/p')).toBe(1);
  });

  it('is off under next dev, during next build and without a BUILD_ID', async () => {
    const errors: string[] = [];
    const { handler } = instance({ logError: (line) => errors.push(line) });
    const dev = handler({ ...ctxA, dev: true });
    await dev.set('/dev-only', appRoute(), SET);
    expect(await admin.exists('news:page:build-a-id:entry:/dev-only')).toBe(0);
    const phase = process.env.NEXT_PHASE;
    process.env.NEXT_PHASE = 'phase-production-build';
    try {
      await handler().set('/build-only', appRoute(), SET);
    } finally {
      if (phase === undefined) delete process.env.NEXT_PHASE;
      else process.env.NEXT_PHASE = phase;
    }
    expect(await admin.exists('news:page:build-a-id:entry:/build-only')).toBe(0);
    const noBuild = handler({ ...ctxA, serverDistDir: path.join(dir, 'missing', 'server') });
    await noBuild.set('/x', appRoute(), SET);
    expect(await noBuild.get('/x', ROUTE)).toBeNull();
    await handler({ ...ctxA, serverDistDir: path.join(dir, 'missing', 'server') }).get('/x', ROUTE);
    expect(errors).toEqual([expect.stringMatching(/^\[page-cache\] cannot read .*missing\/BUILD_ID: the shared page cache is off$/)]);
  });
});

describe.runIf(redisServerBinary())('Redis page cache handler when Redis fails', () => {
  let dir: string;
  const ctx = { serverDistDir: '', revalidatedTags: [], _requestHeaders: {} };
  const classes: PageCacheHandlerClass[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'page-cache-faults-'));
    await mkdir(path.join(dir, 'build', 'server'), { recursive: true });
    await mkdir(path.join(dir, 'redis'));
    await writeFile(path.join(dir, 'build', 'BUILD_ID'), 'faults');
    ctx.serverDistDir = path.join(dir, 'build', 'server');
  });
  afterAll(async () => {
    await Promise.all(classes.map((Class) => Class.close()));
    await rm(dir, { recursive: true, force: true });
  });

  function instance(url: string, settings: Parameters<typeof createPageCacheHandler>[0] = {}) {
    const logs: string[] = [];
    const Class = createPageCacheHandler({ redisUrl: url, logError: (line) => logs.push(line), logWarn: (line) => logs.push(line), ...settings });
    classes.push(Class);
    return { logs, handler: () => new Class(ctx as never) as unknown as Handler };
  }

  async function timed<T>(operation: Promise<T>): Promise<[T, number]> {
    const started = performance.now();
    const result = await operation;
    return [result, performance.now() - started];
  }

  it('with Redis stopped: misses within 300 ms, drops writes, logs each once, keeps revalidations until it is back', async () => {
    let server = await startRedis({ dir: path.join(dir, 'redis') });
    const one = instance(server.url);
    const other = instance(server.url);
    const key = '/route-cache/APP_PAGE/abc/$/ru/news/outage';
    await one.handler().set(key, appPage('_N_T_/layout,_N_T_/ru/news/outage'), SET);
    expect(await other.handler().get(key, PAGE)).not.toBeNull();
    const admin = new Redis(server.url);
    await admin.save(); // so the restarted server still holds the entry, as after a network cut
    admin.disconnect();
    await sleep(5);
    await server.stop();

    for (let i = 0; i < 5; i += 1) {
      const [value, ms] = await timed(one.handler().get(key, PAGE));
      expect(value).toBeNull();
      expect(ms).toBeLessThan(300);
      const [, setMs] = await timed(one.handler().set(`${key}-${i}`, appPage('_N_T_/x'), SET));
      expect(setMs).toBeLessThan(300);
    }
    // The edit's revalidation cannot be written: kept by this instance, which misses meanwhile.
    await expect(one.handler().revalidateTag('_N_T_/ru/news/outage')).resolves.toBeUndefined();
    await one.handler().revalidateTag('_N_T_/ru/news/outage');
    expect(one.logs).toEqual([
      expect.stringMatching(/^\[page-cache\] Redis unavailable \(get: .*\); pages are rendered here .* until it is back$/),
      expect.stringMatching(/^\[page-cache\] Redis unavailable \(set: .*\); rendered pages are not stored .*$/),
      expect.stringMatching(/^\[page-cache\] Redis unavailable \(revalidateTag: .*\); revalidations are kept here .*$/),
    ]);

    server = await startRedis({ port: server.port, dir: path.join(dir, 'redis') });
    try {
      // Back with the old entry (an instance that connects now still reads it). This instance
      // still misses it (its kept revalidation) and writes the revalidation on its first answered
      // call (its connection comes back by itself): then every instance misses it.
      const late = instance(server.url);
      expect(await late.handler().get(key, PAGE)).not.toBeNull();
      const deadline = Date.now() + 8_000;
      let lateSees: unknown = 'not yet';
      while (Date.now() < deadline && lateSees !== null) {
        expect(await one.handler().get(key, PAGE)).toBeNull();
        await sleep(100);
        lateSees = await late.handler().get(key, PAGE);
      }
      expect(lateSees).toBeNull();
      await sleep(5);
      await one.handler().set(key, appPage('_N_T_/layout,_N_T_/ru/news/outage', '<p>after</p>'), SET);
      expect((await late.handler().get(key, PAGE))?.value).toMatchObject({ html: '<p>after</p>' });
      // Logged once when every kind of call that failed (get, set, revalidateTag) works again.
      expect(one.logs.slice(3)).toEqual(['[page-cache] Redis is answering again']);
      expect(late.logs).toEqual([]);
    } finally {
      await server.stop();
    }
  }, 20_000);

  it('with Redis stalled: the first call gives up at 200 ms, the next ones skip Redis, then it is used again', async () => {
    const server = await startRedis();
    try {
      const one = instance(server.url, { pauseAfterTimeoutMs: 500 });
      const key = '/route-cache/APP_PAGE/abc/$/stall';
      await one.handler().set(key, appRoute(), SET);
      server.process.kill('SIGSTOP');
      try {
        const [value, ms] = await timed(one.handler().get(key, ROUTE));
        expect(value).toBeNull();
        expect(ms).toBeGreaterThanOrEqual(190);
        expect(ms).toBeLessThan(400); // the 200 ms deadline, and room for a busy machine's timers
        const [again, skippedMs] = await timed(one.handler().get(key, ROUTE));
        expect(again).toBeNull();
        expect(skippedMs).toBeLessThan(50);
        const [, setMs] = await timed(one.handler().set(key, appRoute(), SET));
        expect(setMs).toBeLessThan(50);
      } finally {
        server.process.kill('SIGCONT');
      }
      await sleep(600);
      expect(await one.handler().get(key, ROUTE)).not.toBeNull();
      expect(one.logs).toEqual([
        expect.stringMatching(/^\[page-cache\] Redis unavailable \(get: no answer within 200 ms\)/),
        expect.stringMatching(/^\[page-cache\] Redis unavailable \(set: skipped/),
      ]);
    } finally {
      await server.stop();
    }
  });

  it('with no Redis at all from the start: misses after at most the 200 ms deadline', async () => {
    const one = instance('redis://127.0.0.1:1');
    const [value, ms] = await timed(one.handler().get('/nothing', PAGE));
    expect(value).toBeNull();
    expect(ms).toBeLessThan(400);
    await expect(one.handler().set('/nothing', appRoute(), SET)).resolves.toBeUndefined();
    expect(one.logs).toHaveLength(2);
  });
});
