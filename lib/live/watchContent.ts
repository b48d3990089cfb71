import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { mapWithLimit } from '../concurrency';

const DEBOUNCE_MS = 300;
const POLL_MS = 2000;
// setTimeout's limit; a story due later is rescheduled on the way.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Asks the site to reload: `changes` re-reads the story folders named (every folder when
 * `slugs` is undefined), `all` also re-renders every story page (a scheduled story fell due).
 */
export interface Notify {
  (scope: 'changes' | 'all', slugs?: string[]): Promise<{ nextDue: number | null } | undefined>;
}

/** The story folder a changed path is in, or undefined when the change may affect every story. */
export function changedSlug(filename: string | null): string | undefined {
  return filename ? /^news[\\/]([^\\/]+)[\\/]/.exec(`${filename}/`)?.[1] : undefined;
}

/** A cheap fingerprint of the tree (paths, sizes, times), for the polling fallback. */
async function signature(root: string): Promise<string> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  const parts = await mapWithLimit(files, 64, async (file) => {
    const s = await stat(file).catch(() => undefined);
    return `${file}:${s?.size}:${s?.mtimeMs}`;
  });
  return parts.sort().join('\n');
}

/**
 * Watches the content root and calls `notify` once a burst of edits settles, and again when the
 * next scheduled story falls due. Uses fs.watch (inotify); where that fails, polls every 2 s.
 */
export function watchContent(root: string, notify: Notify): () => void {
  let debounce: NodeJS.Timeout | undefined;
  let dueTimer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  let poller: NodeJS.Timeout | undefined;

  const schedule = (result: { nextDue: number | null } | undefined) => {
    clearTimeout(dueTimer);
    if (!result?.nextDue) return;
    const wait = Math.min(Math.max(0, result.nextDue - Date.now()) + 250, MAX_TIMER_MS);
    dueTimer = setTimeout(() => void notify('all', []).then(schedule), wait);
    dueTimer.unref();
  };
  // The folders touched during one burst of edits; undefined once anything else changed.
  let touched: Set<string> | undefined = new Set();
  const changed = (filename: string | null) => {
    const slug = changedSlug(filename);
    if (slug === undefined) touched = undefined;
    else touched?.add(slug);
    clearTimeout(debounce);
    debounce = setTimeout(() => {
      const slugs = touched && [...touched];
      touched = new Set();
      void notify('changes', slugs).then(schedule);
    }, DEBOUNCE_MS);
  };

  try {
    watcher = watch(root, { recursive: true }, (_event, filename) => changed(filename));
    watcher.on('error', (error) => {
      console.warn(`[content] watching ${root} failed (${error.message}); polling every ${POLL_MS / 1000} s instead`);
      watcher?.close();
      startPolling();
    });
  } catch (error) {
    console.warn(`[content] cannot watch ${root} (${(error as Error).message}); polling every ${POLL_MS / 1000} s instead`);
    startPolling();
  }

  function startPolling() {
    let last: string | undefined;
    poller = setInterval(async () => {
      const now = await signature(root).catch(() => '');
      if (last !== undefined && now !== last) changed(null);
      last = now;
    }, POLL_MS);
    poller.unref();
  }

  // Learn the first due time now.
  void notify('changes').then(schedule);
  return () => {
    watcher?.close();
    clearInterval(poller);
    clearTimeout(debounce);
    clearTimeout(dueTimer);
  };
}
