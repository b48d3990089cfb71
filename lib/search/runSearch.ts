import { routing, type Locale } from '../../i18n/routing';
import type { LoadedContent } from '../content/types';
import type { Visibility } from '../content/visibility';
import { paginate } from '../pagination';
import { findStories, type SearchHit } from './findStories';
import { queryWords, type SearchRequest } from './query';
import { searchIndex } from './searchIndex';
import { suggestSpelling } from './suggest';

export const SEARCH_PAGE_SIZE = 10;

/**
 * What a search came to:
 * - `empty`: no query yet (the form alone);
 * - `noWords`: only stop words, punctuation or symbols, nothing to look up;
 * - `results`: a page of matches;
 * - `noResults`: nothing matched (with a spelling suggestion where the index knows one);
 * - `pastEnd`: matches exist, but not on the page asked for.
 */
export type SearchState = 'empty' | 'noWords' | 'results' | 'noResults' | 'pastEnd';

export interface SearchOutcome {
  state: SearchState;
  /** The query or its words had to be cut to QUERY_LIMITS. */
  shortened: boolean;
  total: number;
  page: number;
  pageCount: number;
  hits: SearchHit[];
  /** Matches in each other locale for the same query and filters. */
  elsewhere: Array<{ locale: Locale; total: number }>;
  suggestion?: string;
}

/** Runs a search in a locale: one page of hits, counts elsewhere, a spelling suggestion when nothing matched. */
export function runSearch(content: LoadedContent, locale: Locale, request: SearchRequest, visibility: Visibility): SearchOutcome {
  const page = request.page ?? 1;
  const outcome: SearchOutcome = { state: 'empty', shortened: request.shortened, total: 0, page, pageCount: 1, hits: [], elsewhere: [] };
  if (!request.text) return outcome;
  const { words, shortened } = queryWords(request.text, locale);
  outcome.shortened ||= shortened;
  if (words.length === 0) return { ...outcome, state: 'noWords' };

  const options = { filters: request.filters, sort: request.sort, visibility };
  const index = searchIndex(content, locale);
  const all = findStories(index, words, options);
  outcome.total = all.length;
  outcome.elsewhere = routing.locales
    .filter((other) => other !== locale)
    .map((other) => ({ locale: other, total: findStories(searchIndex(content, other), queryWords(request.text, other).words, options).length }))
    .filter((other) => other.total > 0);

  if (all.length === 0) {
    const suggestion = suggestSpelling(index, request.text, words);
    const helps = suggestion !== undefined && findStories(index, queryWords(suggestion, locale).words, options).length > 0;
    return { ...outcome, state: 'noResults', suggestion: helps ? suggestion : undefined };
  }
  const shown = paginate(all, page, SEARCH_PAGE_SIZE);
  if (!shown) return { ...outcome, state: 'pastEnd', pageCount: Math.ceil(all.length / SEARCH_PAGE_SIZE) };
  return { ...outcome, state: 'results', hits: shown.items, page: shown.page, pageCount: shown.pageCount };
}
