import type { Locale } from '../../i18n/routing';
import type { LoadedContent } from '../content/types';
import { storiesInLocale } from '../content/queries';
import { toTeaser, type StoryTeaser } from '../content/teasers';
import type { Story } from '../content/types';
import type { Visibility } from '../content/visibility';
import { relatedTo } from '../related/related';
import { distinctLists } from './distinct';
import { editorsChoice } from './editorsChoice';

export const SIDEBAR_MIN = 3;
export const SIDEBAR_MAX = 5;

export interface Sidebars {
  related: StoryTeaser[];
  editorsChoice: StoryTeaser[];
  popular: StoryTeaser[];
}

/**
 * The three sidebar lists of a page, with no story twice on the page: the page's own stories
 * (`shown`) are never listed, and each story appears in at most one list.
 * `about` is the story the related list is about (the story read, or the front page's lead).
 */
export function buildSidebars({
  content,
  locale,
  visibility,
  about,
  shown,
  popular,
}: {
  content: LoadedContent;
  locale: Locale;
  visibility: Visibility;
  about?: Story;
  shown: string[];
  popular: string[];
}): Sidebars {
  const candidates = storiesInLocale(content, locale, visibility);
  const bySlug = new Map(candidates.map((story) => [story.slug, story]));
  const latest = candidates.map((story) => story.slug);
  const related = about ? relatedTo(content, locale, about, visibility).filter((slug) => bySlug.has(slug)) : [];
  // Viewed stories first; the latest fill the list while there are few views (or none).
  const popularRanked = [...new Set([...popular.filter((slug) => bySlug.has(slug)), ...latest])];
  const lists = distinctLists(
    [
      { id: 'related', ranked: related },
      { id: 'editorsChoice', ranked: editorsChoice(candidates).map((story) => story.slug) },
      { id: 'popular', ranked: popularRanked },
    ],
    about ? [...shown, about.slug] : shown,
    { min: SIDEBAR_MIN, max: SIDEBAR_MAX },
  );
  const teasers = (slugs: string[] = []) => slugs.map((slug) => toTeaser(bySlug.get(slug)!, locale, content.taxonomy));
  return { related: teasers(lists.related), editorsChoice: teasers(lists.editorsChoice), popular: teasers(lists.popular) };
}
