import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startProductionServer } from './productionServer';

/**
 * A second production server on the same build, serving a temporary copy of the content, so a
 * spec can add, edit, break and delete files while the site runs (ISR caches stay in each
 * server's memory: next.config.ts isrFlushToDisk false).
 */
export async function startLiveServer(port: number) {
  const root = await mkdtemp(path.join(tmpdir(), 'live-content-'));
  await cp(process.env.CONTENT_DIR ?? 'tests/fixtures/content', root, { recursive: true });
  const server = await startProductionServer(port, {
    CONTENT_DIR: root,
    VIEWS_DB: path.join(root, '..', `${path.basename(root)}-views.db`),
  });
  return {
    ...server,
    root,
    stop: async () => {
      await server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
