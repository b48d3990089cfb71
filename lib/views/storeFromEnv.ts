import path from 'node:path';
import { processOpenedOnce } from '../process/registry';
import { openRedisStore } from './redisStore';
import { withReaderBudgets } from './readerBudgets';
import { openSqliteStore } from './sqliteStore';
import type { ViewsStore } from './store';
import { settings } from '../config/settings';

/** Which store the environment asks for, known before it is opened (deadlines depend on it). */
export function viewsStoreKind(): ViewsStore['kind'] {
  return settings().redisUrl ? 'redis' : 'sqlite';
}

/** Redis when REDIS_URL is set (instances share counts), else the SQLite file VIEWS_DB. */
export function viewsStore(): Promise<ViewsStore> {
  // One store per process, shared by the proxy and app bundles (module state is not); a store that
  // cannot even open is retried on a later call.
  return processOpenedOnce('views:store', async () => {
    const { redisUrl, viewsDb } = settings();
    const store = redisUrl
      ? await openRedisStore(redisUrl)
      : await openSqliteStore(path.resolve(/* turbopackIgnore: true */ process.cwd(), viewsDb));
    return withReaderBudgets(store);
  });
}
