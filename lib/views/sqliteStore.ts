import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { popularWindowDays } from './days';
import { DAY_GRACE_MS, forgetReadersAt, forgetViewsAt, lastForgottenDay, lastForgottenViewsDay } from './retention';
import type { StoreOptions, ViewCount, ViewsStore, View } from './store';

const SCHEMA = [
  'CREATE TABLE IF NOT EXISTS views (day TEXT NOT NULL, slug TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (day, slug))',
  'CREATE TABLE IF NOT EXISTS readers (day TEXT NOT NULL, reader TEXT NOT NULL, slug TEXT NOT NULL, PRIMARY KEY (day, reader, slug))',
  'CREATE TABLE IF NOT EXISTS salts (day TEXT PRIMARY KEY, salt TEXT NOT NULL)',
];

// Old rows go within a minute of their time, whether or not beacons come.
const PRUNE_EVERY_MS = 60_000;

export interface SqliteStoreOptions extends StoreOptions {
  /** Tests: the store's own connection, for the per-connection pragmas that make it full or read-only. */
  connection?: (db: Client) => void | Promise<void>;
}

/**
 * The embedded store: one SQLite file (VIEWS_DB), created on first use. Its disk and SQLite errors
 * (a full or read-only disk: ENOSPC, EROFS, SQLITE_FULL, SQLITE_READONLY, SQLITE_IOERR…) name the
 * file, so the one line that logs the outage (lib/views/resilience.ts) says which file it is.
 */
export async function openSqliteStore(file: string, options: SqliteStoreOptions = {}): Promise<ViewsStore> {
  const inFile = <T>(operation: Promise<T>): Promise<T> =>
    operation.catch((error: unknown) => {
      const code = (error as { code?: unknown } | null)?.code;
      if (!(error instanceof Error) || typeof code !== 'string') throw error;
      throw Object.assign(new Error(`${error.message} (views store ${file})`, { cause: error }), { code });
    });
  const store = await inFile(openAt(file, options));
  return {
    kind: store.kind,
    record: (view) => inFile(store.record(view)),
    top: (days, limit) => inFile(store.top(days, limit)),
    salt: (day) => inFile(store.salt(day)),
    close: () => store.close(),
  };
}

async function openAt(file: string, options: SqliteStoreOptions): Promise<ViewsStore> {
  const now = options.now ?? Date.now;
  const windowDays = options.windowDays ?? popularWindowDays();
  const graceMs = options.graceMs ?? DAY_GRACE_MS;
  await mkdir(path.dirname(file), { recursive: true });
  const db: Client = createClient({ url: `file:${file}` });

  let lastPruned = -Infinity;
  // A day's salt and reader hashes are deleted together, so no hash outlives the salt that could
  // link it to an address; counts stay for the Popular window.
  async function prune() {
    const at = now();
    lastPruned = at;
    const forgotten = lastForgottenDay(at, graceMs);
    await db.batch(
      [
        { sql: 'DELETE FROM salts WHERE day <= ?', args: [forgotten] },
        { sql: 'DELETE FROM readers WHERE day <= ?', args: [forgotten] },
        { sql: 'DELETE FROM views WHERE day <= ?', args: [lastForgottenViewsDay(at, windowDays)] },
      ],
      'write',
    );
  }
  try {
    await options.connection?.(db);
    // WAL lets page renders read while a beacon writes; busy_timeout waits out a concurrent writer.
    await db.execute('PRAGMA journal_mode = WAL');
    await db.execute('PRAGMA busy_timeout = 2000');
    await db.batch(SCHEMA, 'write');
    await prune();
  } catch (error) {
    // A store that fails to open is opened again on a later request (storeFromEnv.ts): on a
    // read-only or full disk each try would otherwise leave a file handle open.
    db.close();
    throw error;
  }
  const timer = setInterval(() => void prune().catch(() => {}), PRUNE_EVERY_MS);
  timer.unref();

  return {
    kind: 'sqlite',
    async record(view: View) {
      const at = now();
      if (at >= forgetReadersAt(view.day, graceMs) || at >= forgetViewsAt(view.day, windowDays)) return false;
      if (at - lastPruned >= PRUNE_EVERY_MS) await prune();
      const [seen] = await db.batch(
        [
          { sql: 'INSERT OR IGNORE INTO readers (day, reader, slug) VALUES (?, ?, ?)', args: [view.day, view.reader, view.slug] },
          {
            sql: 'INSERT INTO views (day, slug, count) SELECT ?, ?, 1 WHERE changes() = 1 ON CONFLICT (day, slug) DO UPDATE SET count = count + 1',
            args: [view.day, view.slug],
          },
        ],
        'write',
      );
      return seen!.rowsAffected === 1;
    },
    async top(days: string[], limit: number): Promise<ViewCount[]> {
      if (days.length === 0) return [];
      const result = await db.execute({
        sql: `SELECT slug, SUM(count) AS views FROM views WHERE day IN (${days.map(() => '?').join(',')}) GROUP BY slug ORDER BY views DESC, slug ASC LIMIT ?`,
        args: [...days, limit],
      });
      return result.rows.map((row) => ({ slug: String(row.slug), views: Number(row.views) }));
    },
    async salt(day: string) {
      await prune();
      if (now() >= forgetReadersAt(day, graceMs)) throw new RangeError(`no salt for ${day}: the day is over`);
      await db.execute({ sql: 'INSERT OR IGNORE INTO salts (day, salt) VALUES (?, ?)', args: [day, randomBytes(32).toString('hex')] });
      const result = await db.execute({ sql: 'SELECT salt FROM salts WHERE day = ?', args: [day] });
      return String(result.rows[0]!.salt);
    },
    async close() {
      clearInterval(timer);
      db.close();
    },
  };
}
