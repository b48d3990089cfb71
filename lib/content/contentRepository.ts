import { diffFingerprints, fingerprintContent, type ContentChange, type ContentFingerprints } from './diff';
import { withoutDraftVersions } from './drafts';
import type { LoadRequest } from './fileContentLoader';
import { keepLastGood, storiesFromLastGood, type LastGood } from './lastGood';
import { ContentError, formatProblem } from './problems';
import type { LoadedContent, Story, Taxonomy } from './types';

/** Where content and its snapshots come from: the files in production, fakes in tests. */
export interface ContentSource {
  load(request?: LoadRequest): Promise<LoadedContent>;
  readLastGood(): Promise<LastGood | undefined>;
  writeLastGood(taxonomy: Taxonomy, stories: Story[]): Promise<void>;
  /** The content the build rendered, to compare with at start-up; undefined when unknown. */
  readBaseline(): Promise<ContentFingerprints | undefined>;
  /** `next dev` previews drafts; production drops draft versions. */
  includeDrafts: boolean;
  /** A build fails on broken content instead of keeping a last good version. */
  isBuild: boolean;
  /** Resolves once a watcher being set up is in place (at once when there is none). */
  untilWatching?: () => Promise<void>;
  log: Pick<Console, 'error' | 'warn'>;
}

export interface ContentReload {
  content: LoadedContent;
  change: ContentChange;
}

export interface ContentRepository {
  /** The content to serve: loaded once, then replaced only by `reload`. */
  get(): Promise<LoadedContent>;
  /** The content served now, without waiting for a first load (health checks). */
  peek(): LoadedContent | undefined;
  /**
   * Reads the files again and says what changed since the state it replaced. One reload runs at
   * a time: a call during a run queues one more run (shared by every call until it starts), so
   * the newest files always win and no diff is taken against a state already replaced.
   */
  reload(request?: LoadRequest): Promise<ContentReload>;
}

/** Two reload requests as one: the union of their folders, or everything if either asks. */
function mergeRequests(a: LoadRequest, b: LoadRequest): LoadRequest {
  return a.slugs && b.slugs ? { slugs: [...new Set([...a.slugs, ...b.slugs])] } : {};
}

export function createContentRepository(source: ContentSource): ContentRepository {
  let current: LoadedContent | undefined;
  let loading: Promise<LoadedContent> | undefined;
  let running: Promise<ContentReload> | undefined;
  let queued: Promise<ContentReload> | undefined;
  let queuedRequest: LoadRequest = {};
  // The first reload compares with the build, so edits made since the build are re-rendered.
  let comparedWithBuild = false;
  let loggedProblems = new Set<string>();
  let keptOnDisk: string | undefined;
  let snapshotFailed = false;

  function logNewProblems(content: LoadedContent) {
    const lines = content.problems.map((problem) => formatProblem(problem));
    for (const line of lines) if (!loggedProblems.has(line)) source.log.error(`[content] ${line}`);
    loggedProblems = new Set(lines);
  }

  async function persistLastGood(served: LoadedContent, visible: LoadedContent) {
    if (source.isBuild) return;
    const kept = storiesFromLastGood(served, visible);
    const key = JSON.stringify(kept.map((story) => story.slug));
    if (key === keptOnDisk) return;
    try {
      await source.writeLastGood(served.taxonomy, kept);
      keptOnDisk = key;
      if (snapshotFailed) source.log.warn('[content] the last good versions are saved again');
      snapshotFailed = false;
    } catch (error) {
      if (!snapshotFailed) source.log.warn(`[content] cannot save the last good versions (${(error as Error).message}); they are kept in memory only, so a restart before they are saved would take those stories down until their files are fixed`);
      snapshotFailed = true;
    }
  }

  async function loadServed(previous: LastGood | undefined, request?: LoadRequest): Promise<LoadedContent> {
    const loaded = await source.load(request);
    // A build with broken content fails, listing every problem, like `npm run content:check`.
    if (loaded.problems.length > 0 && source.isBuild) throw new ContentError(loaded.problems);
    logNewProblems(loaded);
    const visible = source.includeDrafts ? loaded : withoutDraftVersions(loaded);
    const served = keepLastGood(previous, visible);
    await persistLastGood(served, visible);
    return served;
  }

  async function firstLoad(): Promise<LoadedContent> {
    let saved: LastGood | undefined;
    if (!source.isBuild) {
      // Read the files only once the watcher sees every change: an edit made during this load is
      // then reported by a later reload, so the start-up reloads need not read everything again
      // (they name no folders). The watcher's tree walk overlaps Next's own start-up.
      await source.untilWatching?.();
      try {
        saved = await source.readLastGood();
        keptOnDisk = JSON.stringify([...(saved?.stories.keys() ?? [])]);
      } catch (error) {
        source.log.warn(`[content] cannot read the saved last good versions (${(error as Error).message})`);
      }
    }
    return loadServed(saved);
  }

  function get(): Promise<LoadedContent> {
    if (current) return Promise.resolve(current);
    loading ??= firstLoad().then(
      (content) => {
        current ??= content;
        loading = undefined;
        return current;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  }

  async function reloadOnce(request: LoadRequest): Promise<ContentReload> {
    // Nothing served yet (start-up): the first load is the fresh one, compared with the build.
    const previous = current || loading ? await get() : undefined;
    const next = previous ? await loadServed(previous, request) : await get();
    let before = previous && fingerprintContent(previous);
    let rerenderAll = false;
    if (!comparedWithBuild) {
      comparedWithBuild = true;
      const build = await source.readBaseline().catch(() => undefined);
      if (build) before = build;
      // Without the build's fingerprints any page may be stale: re-render them all once.
      else rerenderAll = !source.includeDrafts;
    }
    current = next;
    const change = before ? diffFingerprints(before, fingerprintContent(next)) : { slugs: [], listsChanged: false };
    return { content: next, change: rerenderAll ? { ...change, listsChanged: true } : change };
  }

  function reload(request: LoadRequest = {}): Promise<ContentReload> {
    if (queued) {
      queuedRequest = mergeRequests(queuedRequest, request);
      return queued;
    }
    queuedRequest = request;
    const previousRun = running ?? Promise.resolve(undefined);
    const run: Promise<ContentReload> = previousRun
      .then(
        () => undefined,
        () => undefined,
      )
      .then(async () => {
        queued = undefined;
        running = run;
        try {
          return await reloadOnce(queuedRequest);
        } finally {
          if (running === run) running = undefined;
        }
      });
    queued = run;
    return run;
  }

  return { get, peek: () => current, reload };
}
