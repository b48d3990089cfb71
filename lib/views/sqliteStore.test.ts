import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openSqliteStore } from './sqliteStore';
import type { ViewsStore } from './store';
import { fakeClock } from './testing/fakeClock';

describe('SQLite store retention', () => {
  let dir: string;
  let file: string;
  let db: Client | undefined;
  const open: ViewsStore[] = [];
  const rows = async (table: string, day: string) =>
    Number((await db!.execute({ sql: `SELECT COUNT(*) FROM ${table} WHERE day = ?`, args: [day] })).rows[0]![0]);

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sqlite-retention-'));
    file = path.join(dir, 'views.db');
  });
  afterEach(async () => {
    vi.useRealTimers();
    for (const store of open.splice(0)) await store.close();
    db?.close();
    db = undefined;
    await rm(dir, { recursive: true, force: true });
  });
  async function openAt(clock: { now: () => number }, windowDays = 7) {
    const store = await openSqliteStore(file, { now: clock.now, windowDays });
    open.push(store);
    db ??= createClient({ url: `file:${file}` });
    return store;
  }

  it('keeps a day’s salt and readers until ten minutes past midnight, then deletes them', async () => {
    const clock = fakeClock('2026-03-01T12:00:00Z');
    const store = await openAt(clock);
    await store.salt('2026-03-01');
    await store.record({ slug: 'a', day: '2026-03-01', reader: 'r1' });

    clock.set('2026-03-02T00:09:00Z');
    await store.salt('2026-03-02');
    expect(await rows('salts', '2026-03-01')).toBe(1);
    expect(await rows('readers', '2026-03-01')).toBe(1);

    clock.set('2026-03-02T00:11:00Z');
    await store.record({ slug: 'a', day: '2026-03-02', reader: 'r1' });
    expect(await rows('salts', '2026-03-01')).toBe(0);
    expect(await rows('readers', '2026-03-01')).toBe(0);
    expect(await rows('views', '2026-03-01')).toBe(1);
  });

  it('deletes them on schedule even when no beacon comes', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const clock = fakeClock('2026-03-01T23:00:00Z');
    const store = await openAt(clock);
    await store.salt('2026-03-01');
    await store.record({ slug: 'a', day: '2026-03-01', reader: 'r1' });

    clock.set('2026-03-02T00:11:00Z');
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.waitFor(async () => expect(await rows('salts', '2026-03-01')).toBe(0));
    expect(await rows('readers', '2026-03-01')).toBe(0);
  });

  it('deletes them when opened after the day, before any call', async () => {
    const clock = fakeClock('2026-03-01T12:00:00Z');
    const first = await openAt(clock);
    await first.salt('2026-03-01');
    await first.record({ slug: 'a', day: '2026-03-01', reader: 'r1' });
    await first.close();
    open.splice(0);

    clock.set('2026-03-03T08:00:00Z');
    await openAt(clock);
    expect(await rows('salts', '2026-03-01')).toBe(0);
    expect(await rows('readers', '2026-03-01')).toBe(0);
  });

  it('drops view counts a day after they leave the Popular window', async () => {
    const clock = fakeClock('2026-03-01T12:00:00Z');
    const store = await openAt(clock, 2);
    for (const reader of ['r1', 'r2', 'r3']) await store.record({ slug: 'a', day: '2026-03-01', reader });
    expect(await store.top(['2026-03-01'], 5)).toEqual([{ slug: 'a', views: 3 }]);

    clock.set('2026-03-03T23:59:00Z'); // the window of 2 is 03-02..03-03; 03-01 is the spare day
    await store.record({ slug: 'b', day: '2026-03-03', reader: 'r1' });
    expect(await rows('views', '2026-03-01')).toBe(1);

    clock.set('2026-03-04T00:01:00Z');
    await store.record({ slug: 'b', day: '2026-03-04', reader: 'r1' });
    expect(await rows('views', '2026-03-01')).toBe(0);
    expect(await store.top(['2026-03-01'], 5)).toEqual([]);
  });
});
