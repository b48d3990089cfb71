import { folderSignatures } from './folderSignatures';
import { loadContent, type FolderReader } from './load';
import { listFolder } from './readFiles';
import { readContentCache, writeContentCache, type CachedLoad } from './snapshots';
import type { LoadedContent } from './types';

export interface LoadRequest {
  /** Only these story folders changed (the watcher knows); everything when absent. */
  slugs?: string[];
}

export interface FileContentLoader {
  load(request?: LoadRequest): Promise<LoadedContent>;
  /** Resolves once a pending cache write has finished (tests, benchmarks). */
  flush(): Promise<void>;
}

const CACHE_WRITE_DELAY_MS = 2_000;

async function storyFolders(root: string): Promise<string[]> {
  const listing = await listFolder(`${root}/news`);
  return listing.state === 'read' ? listing.value.filter((e) => e.isDirectory()).map((e) => e.name) : [];
}

/**
 * Loads a content root, re-reading as little as it can: a live edit re-reads the folders it
 * touched; a full load (start-up, an outside POST, the polling fallback) compares each folder's
 * signature with the last load, or at start-up with the load cached on disk, and re-reads only
 * the folders that differ. Parsing Markdown is the slow part (about 1 ms a version), so at
 * 10,000 stories this is the difference between seconds and a minute.
 */
export function createFileContentLoader(root: string, cacheFile?: string, log: Pick<Console, 'warn'> = console, readFolders?: FolderReader): FileContentLoader {
  let last: CachedLoad | undefined;
  let cacheChecked = false;
  let pendingWrite: Promise<void> = Promise.resolve();
  let writeTimer: NodeJS.Timeout | undefined;
  let cacheWriteFailing = false;

  async function base(): Promise<CachedLoad | undefined> {
    if (last || cacheChecked || !cacheFile) return last;
    cacheChecked = true;
    try {
      return await readContentCache(cacheFile);
    } catch (error) {
      log.warn(`[content] ignoring the content cache ${cacheFile}: ${(error as Error).message}`);
      return undefined;
    }
  }

  // A cache that cannot be written (a full or read-only DATA_DIR) only makes the next start-up
  // read every story: content is served all the same. The next full load tries again, changed or
  // not; the failure and its end are logged once each.
  function writeCache(file: string, snapshot: CachedLoad): Promise<void> {
    return writeContentCache(file, snapshot).then(
      () => {
        if (!cacheWriteFailing) return;
        cacheWriteFailing = false;
        log.warn(`[content] the content cache is written again (${file})`);
      },
      (error: Error) => {
        if (cacheWriteFailing) return;
        cacheWriteFailing = true;
        log.warn(`[content] the content cache is not saved (${error.message}): content is served, but a restart re-reads every story until it can be written`);
      },
    );
  }

  function scheduleCacheWrite() {
    if (!cacheFile) return;
    clearTimeout(writeTimer);
    writeTimer = setTimeout(() => {
      const snapshot = last;
      if (!snapshot) return;
      pendingWrite = writeCache(cacheFile, snapshot);
    }, CACHE_WRITE_DELAY_MS);
    writeTimer.unref();
  }

  async function load(request: LoadRequest = {}): Promise<LoadedContent> {
    const previous = await base();
    let signatures: Map<string, string>;
    let unchanged: (slug: string) => boolean;
    let full = false;
    if (request.slugs && last) {
      const touched = new Set(request.slugs);
      signatures = new Map(last.signatures);
      for (const [slug, signature] of await folderSignatures(root, [...touched])) signatures.set(slug, signature);
      const known = last.signatures;
      unchanged = (slug) => !touched.has(slug) && known.has(slug);
    } else {
      full = true;
      signatures = await folderSignatures(root, await storyFolders(root));
      unchanged = (slug) => previous?.signatures.get(slug) === signatures.get(slug);
    }
    const loaded = await loadContent(root, previous && { previous: previous.loaded, unchanged }, readFolders);
    // Folders the watcher did not name (moved in, say) were read fresh: sign them too.
    const unsigned = [...loaded.stories.keys()].filter((slug) => !signatures.has(slug));
    for (const [slug, signature] of await folderSignatures(root, unsigned)) signatures.set(slug, signature);
    const changed = !previous || [...signatures].some(([slug, signature]) => previous.signatures.get(slug) !== signature) || signatures.size !== previous.signatures.size;
    last = { loaded, signatures };
    if (full && (changed || cacheWriteFailing)) scheduleCacheWrite();
    return loaded;
  }

  return {
    load,
    flush: async () => {
      if (writeTimer && last) {
        clearTimeout(writeTimer);
        writeTimer = undefined;
        pendingWrite = writeCache(cacheFile!, last);
      }
      await pendingWrite;
    },
  };
}
