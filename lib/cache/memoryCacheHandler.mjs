// Next's default page cache (file-system-cache.js: rendered pages in this process's memory, the
// build's prerendered pages read from disk), with one change: an entry counts as made when its
// render began, not when it was stored (renderStarts.mjs says why). next.config.ts names this file
// as `cacheHandler` unless PAGE_CACHE=redis. Next imports it at runtime by path, outside the
// bundler: plain Node ESM. Next 16.4.6's internals; check again when Next changes version.
import fileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js';
import { processSingleton } from '../process/registry.ts';
import { renderStarts } from './renderStarts.mjs';

const FileSystemCache = fileSystemCache.default ?? fileSystemCache;

// Next constructs a handler per request: the reads are remembered per process.
const starts = () => processSingleton('page-render-starts', () => renderStarts());

export default class MemoryCacheHandler extends FileSystemCache {
  async get(key, ctx) {
    starts().read(key, Date.now());
    return super.get(key, ctx);
  }

  set(key, data, ctx) {
    const madeAt = starts().madeAt(key, Date.now());
    const storing = super.set(key, data, ctx);
    // super.set put the entry in memory before its first await, stamped now: restamp it before
    // any other read can see it.
    const entry = FileSystemCache.memoryCache?.get(key);
    if (entry && entry.value === data) entry.lastModified = madeAt;
    return storing;
  }
}
