import { keptFor } from '../process/registry';
import type { Locale } from '../../i18n/routing';
import type { LoadedContent, Story } from '../content/types';
import { eachWord, termFinder } from '../text/analyzer';
import { buildInvertedIndex, type IndexedDocument, type InvertedIndex } from './invertedIndex';
import { SEARCH_ANALYSIS } from './query';

export interface SearchIndex {
  locale: Locale;
  index: InvertedIndex;
  /** The indexed stories by document id. Drafts and scheduled stories are indexed too: visibility is decided per query. */
  stories: Story[];
}

/** Indexes the version in `locale` of every story that has one: headline, lead and body. */
export function buildSearchIndex(stories: Iterable<Story>, locale: Locale): SearchIndex {
  const indexed: Story[] = [];
  function* documents(): Generator<IndexedDocument> {
    for (const story of stories) {
      const version = story.versions[locale];
      if (!version) continue;
      indexed.push(story);
      yield { title: version.title, summary: version.summary, body: version.bodyText };
    }
  }
  const index = buildInvertedIndex(
    documents(),
    (text, found) => eachWord(text, SEARCH_ANALYSIS, found),
    termFinder(locale, SEARCH_ANALYSIS),
  );
  return { locale, index, stories: indexed };
}

// Built on the first search of each loaded content (a live reload is a new object, so a new
// index), per locale; the old one goes with the old content.
export function searchIndex(content: LoadedContent, locale: Locale): SearchIndex {
  return keptFor(content, `search-index:${locale}`, () => buildSearchIndex(content.stories.values(), locale));
}
