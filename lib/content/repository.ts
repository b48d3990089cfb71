import { untilWatching } from '../live/watchState';
import { processSingleton } from '../process/registry';
import { createContentRepository, type ContentReload } from './contentRepository';
import { createFileContentLoader, type LoadRequest } from './fileContentLoader';
import { contentRoot } from './root';
import { contentCacheFile, lastGoodFile, readBuildFingerprints, readLastGood, writeLastGood } from './snapshots';
import type { LoadedContent } from './types';
import { runtimeEnvironment } from '../config/settings';

// One repository per process, shared by the proxy and the app's bundles (module state is not).
// scripts/server.mjs reads the same slot: it keeps story photos only while `peek()` is unchanged.
const repository = () =>
  processSingleton('content-repository', () => {
    const root = contentRoot();
    const loader = createFileContentLoader(root, contentCacheFile(root));
    return createContentRepository({
      load: (request) => loader.load(request),
      readLastGood: () => readLastGood(lastGoodFile(root)),
      writeLastGood: (taxonomy, stories) => writeLastGood(lastGoodFile(root), taxonomy, stories),
      readBaseline: () => readBuildFingerprints(),
      includeDrafts: runtimeEnvironment.development(),
      isBuild: runtimeEnvironment.building(),
      untilWatching,
      log: console,
    });
  });

/**
 * The content to serve. On a running site a broken file never takes a story down: its last good
 * version stays (also across restarts) until the file is fixed.
 */
export function getContent(): Promise<LoadedContent> {
  return repository().get();
}

/** Reads the content root again (only `slugs` when given) and says what changed (the live-edit path). */
export function reloadContent(request?: LoadRequest): Promise<ContentReload> {
  return repository().reload(request);
}

/** The content served now, or undefined while the first load runs (for /api/health). */
export function loadedContent(): LoadedContent | undefined {
  return repository().peek();
}
