import type { Locale } from '../../i18n/routing';
import type { LoadedContent } from './load';
import type { Story } from './types';
import { isPublic, type Visibility } from './visibility';

export function byNewest(a: Story, b: Story): number {
  return b.published - a.published || a.slug.localeCompare(b.slug);
}

/** Public stories that have a version in this locale, newest first: what listings show. */
export function storiesInLocale(content: LoadedContent, locale: Locale, visibility: Visibility): Story[] {
  return [...content.stories.values()]
    .filter((story) => story.versions[locale] && isPublic(story, visibility))
    .sort(byNewest);
}

/** A story page exists in every locale once the story is public (with a notice where untranslated). */
export function findPublicStory(content: LoadedContent, slug: string, visibility: Visibility): Story | undefined {
  const story = content.stories.get(slug);
  return story && isPublic(story, visibility) ? story : undefined;
}
