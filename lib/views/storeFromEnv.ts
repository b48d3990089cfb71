import path from 'node:path';
import { openRedisStore } from './redisStore';
import { openSqliteStore } from './sqliteStore';
import type { ViewsStore } from './store';

// One store per process, shared by the proxy and app bundles (module state is not).
const slot = globalThis as typeof globalThis & { __viewsStore?: Promise<ViewsStore> };

/** Redis when REDIS_URL is set (instances share counts), else the SQLite file VIEWS_DB. */
export function viewsStore(): Promise<ViewsStore> {
  if (!slot.__viewsStore) {
    const redisUrl = process.env.REDIS_URL?.trim();
    slot.__viewsStore = redisUrl
      ? openRedisStore(redisUrl)
      : openSqliteStore(path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.VIEWS_DB ?? '.data/views.db'));
    // A store that cannot even open is retried on a later call.
    slot.__viewsStore.catch(() => {
      slot.__viewsStore = undefined;
    });
  }
  return slot.__viewsStore;
}
