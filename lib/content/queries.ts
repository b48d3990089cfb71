import { keptFor } from '../process/registry';
import type { Locale } from '../../i18n/routing';
import type { LoadedContent } from './types';
import type { Story } from './types';
import { isPublic, type Visibility } from './visibility';
import { settings } from '../config/settings';

export function byNewest(a: Story, b: Story): number {
  return b.published - a.published || a.slug.localeCompare(b.slug);
}

// Stories with a version in a locale, newest first, sorted once per loaded content: the proxy,
// the page and its sidebars all ask for it on every request, and only visibility changes with time.
function inLocaleNewestFirst(content: LoadedContent, locale: Locale): Story[] {
  return keptFor(content, `newest-first:${locale}`, () => [...content.stories.values()].filter((story) => story.versions[locale]).sort(byNewest));
}

/** Public stories that have a version in this locale, newest first: what listings show. */
export function storiesInLocale(content: LoadedContent, locale: Locale, visibility: Visibility): Story[] {
  return inLocaleNewestFirst(content, locale).filter((story) => isPublic(story, visibility));
}

/** A story page exists in every locale once the story is public (with a notice where untranslated). */
export function findPublicStory(content: LoadedContent, slug: string, visibility: Visibility): Story | undefined {
  const story = content.stories.get(slug);
  return story && isPublic(story, visibility) ? story : undefined;
}

/**
 * How many of the latest stories a build prerenders per locale (PRERENDER_STORIES, default 100):
 * what the front page, sections and feeds show. Each one costs the build about 50 ms per locale,
 * an older story its first reader about 100 ms once per instance (then it is cached).
 */
export function prerenderCount(): number {
  return settings().prerenderStories;
}

/** The newest public stories with a page in a locale: every story has one in every locale. */
export function latestStorySlugs(content: LoadedContent, visibility: Visibility, count: number): string[] {
  const stories = [...content.stories.values()].filter((story) => isPublic(story, visibility)).sort(byNewest);
  return stories.slice(0, count).map((story) => story.slug);
}
