import { diffContent, type ContentChange } from './diff';
import { keepLastGood } from './lastGood';
import { contentRoot, loadContent, type LoadedContent } from './load';
import { ContentError, formatProblem } from './problems';

interface ContentState {
  current?: LoadedContent;
  loading?: Promise<LoadedContent>;
  /** Problem lines already logged: each is logged once while it lasts. */
  logged: Set<string>;
}

// One state per process, shared by the proxy and the app's bundles (module state is not).
const slot = globalThis as typeof globalThis & { __contentState?: ContentState };
const state: ContentState = (slot.__contentState ??= { logged: new Set() });

const isBuild = () => process.env.NEXT_PHASE === 'phase-production-build';

function logNewProblems(content: LoadedContent) {
  const lines = content.problems.map((problem) => formatProblem(problem));
  for (const line of lines) if (!state.logged.has(line)) console.error(`[content] ${line}`);
  state.logged = new Set(lines);
}

async function load(): Promise<LoadedContent> {
  const next = await loadContent(contentRoot());
  // A build with broken content fails, listing every problem, like `npm run content:check`.
  if (next.problems.length > 0 && isBuild()) throw new ContentError(next.problems);
  logNewProblems(next);
  return keepLastGood(state.current, next);
}

/**
 * The content to serve: loaded once, then replaced only by `reloadContent`. On a running site a
 * broken file never takes a story down: its last good version stays until the file is fixed.
 */
export function getContent(): Promise<LoadedContent> {
  if (state.current) return Promise.resolve(state.current);
  state.loading ??= load().then(
    (content) => {
      state.current = content;
      state.loading = undefined;
      return content;
    },
    (error) => {
      state.loading = undefined;
      throw error;
    },
  );
  return state.loading;
}

/** Reads the content root again and says what changed (the live-edit path). */
export async function reloadContent(): Promise<{ content: LoadedContent; change: ContentChange }> {
  const previous = await getContent();
  const content = await load();
  state.current = content;
  return { content, change: diffContent(previous, content) };
}
