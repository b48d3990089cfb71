import { problemSlug } from './problems';
import type { LoadedContent, Story, Taxonomy } from './types';

/** What was last served: the stories and taxonomy a broken reload falls back on. */
export interface LastGood {
  stories: Map<string, Story>;
  taxonomy: Taxonomy;
}


/**
 * Content to serve after a reload that found problems: every story that is still valid as it is
 * now, and for each story whose files are now broken or unreadable, its last good version. A
 * broken sections.yaml or tags.yaml keeps the previous taxonomy; an unreadable or missing news/
 * folder keeps every story (an error is never taken for an absence).
 */
export function keepLastGood(previous: LastGood | undefined, next: LoadedContent): LoadedContent {
  if (!previous || next.problems.length === 0) return next;
  const stories = new Map(next.stories);
  const keep = (slug: string) => {
    const good = previous.stories.get(slug);
    if (good && !stories.has(slug)) stories.set(slug, good);
  };
  if (next.problems.some((p) => p.file === 'news')) for (const slug of previous.stories.keys()) keep(slug);
  for (const problem of next.problems) {
    const slug = problemSlug(problem.file);
    if (slug) keep(slug);
  }
  const taxonomyBroken = next.problems.some((p) => p.file === 'sections.yaml' || p.file === 'tags.yaml');
  return { stories, taxonomy: taxonomyBroken ? previous.taxonomy : next.taxonomy, problems: next.problems };
}

/** The stories served from their last good version (not from the files as they are now). */
export function storiesFromLastGood(served: LoadedContent, loaded: LoadedContent): Story[] {
  return [...served.stories.values()].filter((story) => loaded.stories.get(story.slug) !== story);
}
