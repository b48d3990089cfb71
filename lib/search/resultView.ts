import type { Locale } from '../../i18n/routing';
import { sectionName } from '../content/taxonomy';
import type { Taxonomy } from '../content/types';
import { paths } from '../paths';
import type { SearchHit } from './findStories';
import { highlight, storySnippet, type Segment } from './snippet';

/** One result as the page shows it: links, and the headline and snippet with matches marked. */
export interface SearchResultView {
  slug: string;
  href: string;
  title: Segment[];
  snippet: Segment[];
  date: string;
  localDate: string;
  sectionName: string;
  sectionHref: string;
}

/** Results for display; snippets are cut only for the hits on the page shown. */
export function resultViews(hits: SearchHit[], locale: Locale, taxonomy: Taxonomy): SearchResultView[] {
  return hits.map(({ story, matched }) => {
    const version = story.versions[locale]!;
    const terms = new Set(matched());
    return {
      slug: story.slug,
      href: paths.story(locale, story.slug),
      title: highlight(version.title, terms, locale),
      snippet: storySnippet(version.summary, version.bodyText, terms, locale),
      date: story.date,
      localDate: story.localDate,
      sectionName: sectionName(taxonomy, story.section, locale) ?? story.section,
      sectionHref: paths.section(locale, story.section),
    };
  });
}
