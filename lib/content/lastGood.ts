import type { LoadedContent } from './load';

/** The story folder a problem is about, if any: `news/{slug}/…` → slug. */
function problemSlug(file: string): string | undefined {
  return /^news\/([^/]+)/.exec(file)?.[1];
}

/**
 * Content to serve after a reload that found problems: every story that is still valid as it is
 * now, and for each story whose files are now broken, its last good version. A broken
 * sections.yaml or tags.yaml keeps the previous taxonomy (its stories are then kept too).
 */
export function keepLastGood(previous: LoadedContent | undefined, next: LoadedContent): LoadedContent {
  if (!previous || next.problems.length === 0) return next;
  const stories = new Map(next.stories);
  for (const problem of next.problems) {
    const slug = problemSlug(problem.file);
    const good = slug && previous.stories.get(slug);
    if (good && !stories.has(slug)) stories.set(slug, good);
  }
  const taxonomyBroken = next.problems.some((p) => p.file === 'sections.yaml' || p.file === 'tags.yaml');
  return { stories, taxonomy: taxonomyBroken ? previous.taxonomy : next.taxonomy, problems: next.problems };
}
