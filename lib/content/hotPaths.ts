import { routing } from '../../i18n/routing';
import { storyCardPath } from '../og/storyCard';
import { paths } from '../paths';
import { storiesInLocale } from './queries';
import type { LoadedContent } from './types';
import type { Visibility } from './visibility';

/** How many of each language's newest stories an instance renders before it takes traffic. */
export const HOT_STORIES_PER_LOCALE = 5;

/**
 * What readers ask for first after a deploy or a restart: each front page, the newest stories in
 * every language and their cards. The launcher (scripts/server.mjs) asks for each of these on its
 * own loopback listener before it opens the public port, so its first readers find the code warm
 * and the pages rendered.
 */
export function hotPaths(content: LoadedContent, visibility: Visibility): string[] {
  return routing.locales.flatMap((locale) => [
    paths.home(locale),
    ...storiesInLocale(content, locale, visibility)
      .slice(0, HOT_STORIES_PER_LOCALE)
      .flatMap((story) => [paths.story(locale, story.slug), storyCardPath(story, locale, content.taxonomy)]),
  ]);
}
