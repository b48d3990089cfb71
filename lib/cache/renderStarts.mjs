// When each render of a page began, for Next's page cache (both handlers: memoryCacheHandler.mjs,
// redisCacheHandler.mjs). An entry counts as made when the render that produced it began, not when
// it is stored: a render that began on the old content (before this instance reloaded it) and was
// stored after the revalidation of its path would otherwise pass for fresher than that
// revalidation, and be served until its revalidate time (30 s). Seen in the cluster e2e test on a
// busy machine (the first reader of a stale page started its render 0.3 s before the watcher's
// reload, and it finished after it) and in bench:page-cache (an edit missing on one instance for
// 30 s in 3 of 8 runs).
//
// Next renders one key once at a time per process: its response cache makes every request for a
// key wait for the render in flight, without reading the cache again. So the last read of a key
// before it is stored is the read whose render is being stored.
import { LRUCache } from 'lru-cache';

/** A read older than this began no render still running (Next's own render timeouts are shorter). */
export const RENDER_START_KEPT_MS = 60_000;

/** Renders remembered at most (reads whose render never stored: a fresh hit, an error). */
const MAX_RENDER_STARTS = 10_000;

/** A record of reads per cache key: `read` at each read, `madeAt` when the entry is stored. */
export function renderStarts({ max = MAX_RENDER_STARTS, keptMs = RENDER_START_KEPT_MS } = {}) {
  const starts = new LRUCache({ max });
  return {
    /** A read of `key` at `at` (ms): a render of it, if one follows, begins now. */
    read(key, at) {
      starts.set(key, at);
    },
    /** When the entry being stored for `key` counts as made: its render's start, or `now`. */
    madeAt(key, now) {
      const at = starts.get(key);
      starts.delete(key);
      return at !== undefined && now - at < keptMs ? at : now;
    },
  };
}
