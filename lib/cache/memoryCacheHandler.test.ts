import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import MemoryCacheHandler from './memoryCacheHandler.mjs';
import { RENDER_START_KEPT_MS, renderStarts } from './renderStarts.mjs';

// Next's kinds are const enums; the tests pass the same strings.
const PAGE = { kind: 'APP_PAGE', isFallback: false };
const SET = { cacheControl: { revalidate: 30, expire: 31_536_000 } };

interface Handler {
  get(key: string, ctx: object): Promise<{ lastModified: number; value: { html?: string } } | null>;
  set(key: string, data: object, ctx: object): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
}

const page = (tag: string, html: string) => ({ kind: 'APP_PAGE', html, rscData: Buffer.from('rsc'), status: 200, headers: { 'x-next-cache-tags': tag } });

describe('the memory page cache', () => {
  let dir: string;
  let handler: Handler;
  let clock: number;
  const tick = (ms: number) => vi.setSystemTime((clock += ms));

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'memory-cache-'));
    handler = new MemoryCacheHandler({ dev: false, flushToDisk: false, serverDistDir: dir, revalidatedTags: [], maxMemoryCacheSize: 1 << 20 }) as unknown as Handler;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  // Date only, set in the past: Next's tag manifest compares revalidations with the real
  // performance clock, which must be later than every revalidation.
  beforeEach(() => {
    clock = Date.now() - 60_000;
    vi.useFakeTimers({ toFake: ['Date'], now: clock });
  });
  afterEach(() => vi.useRealTimers());

  it('does not pass a render begun before a revalidation off as fresh when it is stored after it', async () => {
    const key = '/en/news/race';
    const tag = '_N_T_/en/news/race';
    // A reader finds the page stale or missing: the render on the old content begins.
    expect(await handler.get(key, PAGE)).toBeNull();
    tick(300);
    // The watcher's reload and its revalidation of the path land while that render runs.
    await handler.revalidateTag([tag]);
    tick(300);
    await handler.set(key, page(tag, 'old content'), SET);
    // The old page is stored, but made before the revalidation: the next reader gets a new render.
    expect(await handler.get(key, PAGE)).toBeNull();
    tick(100);
    await handler.set(key, page(tag, 'new content'), SET);
    expect((await handler.get(key, PAGE))?.value.html).toBe('new content');
  });

  it('keeps a render begun after the revalidation, stamped when it began', async () => {
    const key = '/ru/news/after';
    const tag = '_N_T_/ru/news/after';
    await handler.revalidateTag([tag]);
    tick(100);
    const began = clock;
    expect(await handler.get(key, PAGE)).toBeNull();
    tick(500);
    await handler.set(key, page(tag, 'fresh'), SET);
    const stored = await handler.get(key, PAGE);
    expect(stored?.value.html).toBe('fresh');
    expect(stored?.lastModified).toBe(began);
  });
});

describe('renderStarts', () => {
  it('dates an entry from the last read of its key, once, and from now without a recent read', () => {
    const starts = renderStarts({ max: 2 });
    starts.read('a', 1_000);
    starts.read('a', 2_000);
    expect(starts.madeAt('a', 5_000)).toBe(2_000);
    expect(starts.madeAt('a', 6_000)).toBe(6_000);
    starts.read('b', 1_000);
    expect(starts.madeAt('b', 1_000 + RENDER_START_KEPT_MS)).toBe(1_000 + RENDER_START_KEPT_MS);
    // Bounded: the oldest reads go first.
    for (const key of ['c', 'd', 'e']) starts.read(key, 1_000);
    expect(starts.madeAt('c', 2_000)).toBe(2_000);
    expect(starts.madeAt('e', 2_000)).toBe(1_000);
  });
});
