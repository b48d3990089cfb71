import { routing, type Locale } from '../../i18n/routing';
import { storiesInLocale } from '../content/queries';
import { getContent } from '../content/repository';
import { localizedName, sectionLinks } from '../content/taxonomy';
import { toTeaser, type StoryTeaser } from '../content/teasers';
import type { LoadedContent } from '../content/types';
import { currentVisibility, type Visibility } from '../content/visibility';
import { parseSearchRequest, type RawParams, type SearchRequest } from './query';
import { resultViews, type SearchResultView } from './resultView';
import { runSearch, type SearchState } from './runSearch';
import { searchPath } from './searchPath';

/** Stories listed where a search found nothing. */
const LATEST_COUNT = 5;

export interface Option {
  value: string;
  label: string;
}

export interface SearchView {
  request: SearchRequest;
  state: SearchState;
  shortened: boolean;
  total: number;
  page: number;
  pageCount: number;
  results: SearchResultView[];
  /** This search without `page`: Pagination's base and the way back from past the end. */
  basePath: string;
  elsewhere: Array<{ locale: Locale; total: number; href: string }>;
  suggestion?: { text: string; href: string };
  filterOptions: { sections: Option[]; tags: Option[]; years: Option[] };
  sections: Array<{ slug: string; name: string }>;
  latest: StoryTeaser[];
  alternates: Record<Locale, string>;
}

function filterOptions(content: LoadedContent, locale: Locale, visibility: Visibility): SearchView['filterOptions'] {
  const years = new Set(storiesInLocale(content, locale, visibility).map((story) => story.localDate.slice(0, 4)));
  const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label, locale);
  return {
    sections: sectionLinks(content.taxonomy, locale).map(({ slug, name }) => ({ value: slug, label: name })),
    tags: Object.entries(content.taxonomy.tags)
      .map(([slug, names]) => ({ value: slug, label: localizedName(names, locale) }))
      .sort(byLabel),
    years: [...years].sort().reverse().map((year) => ({ value: year, label: year })),
  };
}

/** Everything the search page renders, or undefined for a 404 (`?page=` that is not a page). */
export async function loadSearchView(locale: Locale, params: RawParams): Promise<SearchView | undefined> {
  const content = await getContent();
  const visibility = currentVisibility();
  const request = parseSearchRequest(params, content.taxonomy, locale);
  if (request.page === undefined) return undefined;
  const outcome = runSearch(content, locale, request, visibility);
  const link = (target: Locale, q = request.text) => searchPath(target, { q, filters: request.filters, sort: request.sort });
  const nothingFound = outcome.state === 'noResults' || outcome.state === 'noWords';
  return {
    request,
    state: outcome.state,
    shortened: outcome.shortened,
    total: outcome.total,
    page: outcome.page,
    pageCount: outcome.pageCount,
    results: resultViews(outcome.hits, locale, content.taxonomy),
    basePath: link(locale),
    elsewhere: outcome.elsewhere.map((other) => ({ ...other, href: link(other.locale) })),
    suggestion: outcome.suggestion === undefined ? undefined : { text: outcome.suggestion, href: link(locale, outcome.suggestion) },
    filterOptions: filterOptions(content, locale, visibility),
    sections: sectionLinks(content.taxonomy, locale),
    latest: nothingFound ? storiesInLocale(content, locale, visibility).slice(0, LATEST_COUNT).map((story) => toTeaser(story, locale, content.taxonomy)) : [],
    alternates: Object.fromEntries(routing.locales.map((other) => [other, link(other)])) as Record<Locale, string>,
  };
}
