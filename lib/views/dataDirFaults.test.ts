import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Client } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { handleBeacon, type BeaconContext } from './beacon';
import { withReaderBudgets } from './readerBudgets';
import { storeHealth } from './resilience';
import { resetStoreHealth } from './testing/health';
import { beaconDeadlineMs, popularDeadlineMs } from './deadlines';
import { popularSlugs, readPopular, type PopularSource } from './popular';
import { openSqliteStore } from './sqliteStore';
import type { ViewsStore } from './store';
import { viewsStore } from './storeFromEnv';

// A full or read-only data directory, with a real SQLite file under the real store, beacon and
// Popular code: pages keep their Popular, beacons are answered (204, the documented answer whether
// or not a view is counted) but nothing is counted, the outage is logged once with the file, and
// counting resumes by itself. Tests run as root here, so chmod cannot make anything read-only:
// the faults are made on the store's own connection instead (see each helper).

const DAY = '2026-11-25';
const NOW = new Date(`${DAY}T12:00:00Z`);
const SITE = 'https://news.example.org';
const READER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** A story page's beacon from reader `n` (its own address, as scripts/server.mjs reports it). */
const beacon = (slug: string, n: number) =>
  new Request('http://localhost/api/views', {
    method: 'POST',
    body: JSON.stringify({ slug, locale: 'ru' }),
    headers: { 'content-type': 'application/json', 'user-agent': READER_UA, 'x-peer-address': `203.0.113.${n}` },
  });

/** The process-wide views state (lib/process/registry.ts): each test starts a fresh process. */
function forgetProcessState() {
  const slots = globalThis as unknown as Record<symbol, unknown>;
  for (const name of ['views:storeHealth', 'views:popular', 'views:store', 'views:salts']) delete slots[Symbol.for(`bilingual-news:${name}`)];
}

/**
 * The disk is full. SQLite may not grow the file past `max_page_count`, so a write that needs a new
 * page fails with SQLITE_FULL and is rolled back: the code and the rollback a write that meets
 * ENOSPC gets. The pages the file has are filled first with reader rows the size of a beacon's
 * (rows go to the end of the table, so once its last page is full every such row needs a new one).
 */
async function fillTheDisk(db: Client) {
  const pages = Number((await db.execute('PRAGMA page_count')).rows[0]![0]);
  await db.execute(`PRAGMA max_page_count = ${pages}`);
  let failedInARow = 0;
  for (let i = 0; failedInARow < 50; i += 1) {
    if (i > 100_000) throw new Error('the database never filled up');
    try {
      await db.execute({ sql: 'INSERT INTO readers (day, reader, slug) VALUES (?, ?, ?)', args: [DAY, randomBytes(16).toString('hex'), 'z'] });
      failedInARow = 0;
    } catch (error) {
      expect((error as { code?: string }).code).toBe('SQLITE_FULL');
      failedInARow += 1;
    }
  }
}

/** Room on the disk again. */
const freeTheDisk = (db: Client) => db.execute('PRAGMA max_page_count = 1073741823');

/**
 * The disk is read-only. `query_only` makes every write on the connection fail with
 * SQLITE_READONLY, the code SQLite gives for a database it may read but not write, while reads go
 * on, as on a read-only mount. (libsql's client takes no `?mode=ro` URL to reopen it read-only.)
 */
const makeReadOnly = (db: Client) => db.execute('PRAGMA query_only = ON');
const makeWritable = (db: Client) => db.execute('PRAGMA query_only = OFF');

describe('the views store on a full or read-only disk', () => {
  let dir: string;
  let store: ViewsStore | undefined;
  let db: Client;
  let errors: MockInstance<typeof console.warn>;
  let warnings: MockInstance<typeof console.warn>;
  const logged = (spy: MockInstance<typeof console.warn>) => spy.mock.calls.map(([line]) => String(line)).filter((line) => line.startsWith('[views]'));

  beforeEach(async () => {
    forgetProcessState();
    // A store known to be down is tried again in the background; here on every call, not every 3 s.
    resetStoreHealth(0);
    dir = await mkdtemp(path.join(tmpdir(), 'views-faults-'));
    errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await store?.close();
    store = undefined;
    forgetProcessState();
    delete process.env.VIEWS_DB;
    await rm(dir, { recursive: true, force: true });
  });

  /** The store as storeFromEnv makes it, with its connection in hand; beacons and Popular as the app calls them. */
  async function site() {
    const opened = withReaderBudgets(await openSqliteStore(path.join(dir, 'views.db'), { now: () => NOW.getTime(), connection: (client) => void (db = client) }));
    store = opened;
    const context: BeaconContext = { store: async () => opened, storyExists: async () => true, now: () => NOW, siteOrigin: SITE, deadlineMs: beaconDeadlineMs('sqlite') };
    // Popular with the process's own outage flag (the beacon's), as popularSlugs reads it.
    const popular: PopularSource = { store: async () => opened, deadlineMs: popularDeadlineMs('sqlite'), windowDays: 7, state: {} };
    let renderAt = NOW.getTime();
    return {
      // The beacon, and its background try when the store is known down. The "full disk" is a
      // setting of one SQLite connection, and libsql opens another for a write that overlaps a
      // read: so a try never overlaps the next render here.
      view: async (slug: string, reader: number) => {
        const status = (await handleBeacon(beacon(slug, reader), context)).status;
        await expect.poll(() => storeHealth().trying).toBe(false);
        return status;
      },
      // Each render comes after Popular's 10 s cache, so each one asks the store.
      render: () => readPopular(popular, (renderAt += 11_000), 30),
      counts: () => opened.top([DAY], 10),
    };
  }

  it('a full disk (SQLITE_FULL): Popular keeps its list, beacons answer 204 uncounted, one log line, counting resumes with room', async () => {
    const { view, render, counts } = await site();
    for (const reader of [1, 2, 3]) expect(await view('a', reader)).toBe(204);
    expect(await view('b', 4)).toBe(204);
    expect(await render()).toEqual(['a', 'b']);

    await fillTheDisk(db);
    // The day's salt is already known: the first beacon reaches the write, and the write fails;
    // the next ones answer at once and try the write in the background.
    for (const reader of [5, 6, 7]) {
      expect(await view('b', reader)).toBe(204);
      expect(await render()).toEqual(['a', 'b']);
    }
    expect(await counts()).toEqual([
      { slug: 'a', views: 3 },
      { slug: 'b', views: 1 },
    ]);
    expect(logged(errors)).toHaveLength(1);
    expect(logged(errors)[0]).toMatch(
      /^\[views\] store unavailable \(recording a view failed: .*SQLITE_FULL.*\(views store .*views-faults-\w+\/views\.db\)\); views are not counted and Popular keeps its last list until it is back$/,
    );
    // A render's read succeeding is no recovery: writes still fail.
    expect(logged(warnings)).toEqual([]);

    await freeTheDisk(db);
    // The same readers again: a view that could not be stored was not kept as seen either. The
    // first is answered at once and its background try finds room: the outage is over.
    await expect.poll(async () => (await view('b', 5), logged(warnings))).toEqual(['[views] store is answering again']);
    for (const reader of [6, 7]) expect(await view('b', reader)).toBe(204);
    expect(await counts()).toEqual([
      { slug: 'b', views: 4 },
      { slug: 'a', views: 3 },
    ]);
    expect(await render()).toEqual(['b', 'a']);
    expect(logged(warnings)).toEqual(['[views] store is answering again']);
    expect(logged(errors)).toHaveLength(1);
  });

  it('a read-only disk (SQLITE_READONLY): a new day’s salt cannot be stored, nothing is counted, one log line, counting resumes when writable', async () => {
    const { view, render, counts } = await site();
    // Counted earlier (by another process, say): this one has not needed the day's salt yet.
    for (const [slug, reader] of [['a', 'r1'], ['a', 'r2'], ['b', 'r3']] as const) await store!.record({ slug, day: DAY, reader });

    await makeReadOnly(db);
    for (const reader of [1, 2, 3]) {
      expect(await view('b', reader)).toBe(204);
      expect(await render()).toEqual(['a', 'b']);
    }
    expect(await counts()).toEqual([
      { slug: 'a', views: 2 },
      { slug: 'b', views: 1 },
    ]);
    expect(logged(errors)).toHaveLength(1);
    expect(logged(errors)[0]).toMatch(/^\[views\] store unavailable \(reading the day's salt failed: .*SQLITE_READONLY.*\(views store .*views\.db\)\); views are not counted/);
    expect(logged(warnings)).toEqual([]);

    await makeWritable(db);
    await expect.poll(async () => (await view('b', 1), logged(warnings))).toEqual(['[views] store is answering again']);
    for (const reader of [2, 3]) expect(await view('b', reader)).toBe(204);
    expect(await render()).toEqual(['b', 'a']);
    expect(logged(warnings)).toEqual(['[views] store is answering again']);
    expect(logged(errors)).toHaveLength(1);
  });

  it('a restart on a read-only disk: each try to open the store fails with the file named, and closes its connection', async () => {
    const file = path.join(dir, 'views.db');
    const before = await openSqliteStore(file, { now: () => NOW.getTime() });
    await before.record({ slug: 'a', day: DAY, reader: 'r1' });
    await before.close();
    // Tried again on every render and beacon (storeFromEnv.ts): a connection left open by each
    // failed try would run the process out of file handles, pages included.
    const clients: Client[] = [];
    for (let i = 0; i < 5; i += 1) {
      const opening = openSqliteStore(file, {
        now: () => NOW.getTime(),
        connection: async (client) => {
          clients.push(client);
          await makeReadOnly(client);
        },
      });
      await expect(opening).rejects.toThrow(/SQLITE_READONLY.*\(views store .*views\.db\)$/);
    }
    expect(clients.map((client) => client.closed)).toEqual([true, true, true, true, true]);
    store = await openSqliteStore(file, { now: () => NOW.getTime() });
    expect(await store.top([DAY], 10)).toEqual([{ slug: 'a', views: 1 }]);
  });

  it('a data directory the store cannot be created in: pages get the latest stories, the store is tried again, one log line, then it opens', async () => {
    // What the app does (storeFromEnv, popularSlugs): VIEWS_DB under a regular file, so creating
    // its folder fails (ENOTDIR) as it does on a read-only disk (EROFS): the open itself fails.
    const blocker = path.join(dir, 'data');
    await writeFile(blocker, '');
    process.env.VIEWS_DB = path.join(blocker, 'views', 'views.db');
    delete process.env.REDIS_URL;
    const context: BeaconContext = { store: viewsStore, storyExists: async () => true, siteOrigin: SITE, deadlineMs: beaconDeadlineMs('sqlite') };
    let at = Date.now();
    for (const reader of [1, 2, 3]) {
      // Each render and beacon tries to open the store again (in the background once it is known down).
      expect(await popularSlugs((at += 11_000))).toEqual([]);
      expect((await handleBeacon(beacon('a', reader), context)).status).toBe(204);
    }
    expect(logged(errors)).toHaveLength(1);
    expect(logged(errors)[0]).toMatch(/^\[views\] store unavailable \(reading Popular failed: ENOTDIR: .*\(views store .*data\/views\/views\.db\)\); views are not counted/);

    await rm(blocker);
    // Known down: the beacon answers at once, and its background try opens the store and counts it.
    await expect.poll(async () => (await handleBeacon(beacon('a', 4), context), logged(warnings))).toEqual(['[views] store is answering again']);
    expect(await popularSlugs((at += 11_000))).toEqual(['a']);
    expect(logged(errors)).toHaveLength(1);
    store = await viewsStore();
  });
});
