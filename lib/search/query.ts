import type { Locale } from '../../i18n/routing';
import { sectionName, tagName } from '../content/taxonomy';
import type { Taxonomy } from '../content/types';
import { parsePageParam } from '../pagination';
import { termOf, tokens, type AnalyzeOptions } from '../text/analyzer';

/** Search keeps numbers ("2027") and finds the parts of hyphenated names («Шах-Дениз»). */
export const SEARCH_ANALYSIS: AnalyzeOptions = { numbers: true, splitCompounds: true };

/** Bounds on the work one request can ask for: longer queries are cut, and the reader is told. */
export const QUERY_LIMITS = { chars: 200, terms: 8 } as const;

export type SearchSort = 'relevance' | 'date';

export interface SearchFilters {
  section?: string;
  tag?: string;
  year?: number;
}

/** A search as the URL asks for it, cleaned: never trusted further than this. */
export interface SearchRequest {
  /** The query as shown back in the form: control characters removed, spaces collapsed, capped. */
  text: string;
  /** The query was longer than QUERY_LIMITS.chars. */
  shortened: boolean;
  filters: SearchFilters;
  sort: SearchSort;
  /** Undefined when `?page=` is not a page (the proxy answers 404 before the page renders). */
  page: number | undefined;
}

export type RawParams = Record<string, string | string[] | undefined>;

/** The first of a repeated parameter: `?q=a&q=b` searches for "a". */
function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

// Control and format characters (NUL, bidi overrides, zero-width joiners) never belong in a query
// and could make the echoed query read differently from what was searched.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** The query text made safe to search and show, with whether it had to be cut. */
export function cleanQuery(raw: string | undefined): { text: string; shortened: boolean } {
  const collapsed = (raw ?? '').replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(collapsed);
  if (chars.length <= QUERY_LIMITS.chars) return { text: collapsed, shortened: false };
  return { text: chars.slice(0, QUERY_LIMITS.chars).join('').trim(), shortened: true };
}

/** Parses `?q=&section=&tag=&year=&sort=&page=`; unknown filter values are ignored, not errors. */
export function parseSearchRequest(params: RawParams, taxonomy: Taxonomy, locale: Locale): SearchRequest {
  const { text, shortened } = cleanQuery(first(params.q));
  const section = first(params.section);
  const tag = first(params.tag);
  const year = first(params.year);
  const page = params.page;
  return {
    text,
    shortened,
    filters: {
      section: section && sectionName(taxonomy, section, locale) ? section : undefined,
      tag: tag && tagName(taxonomy, tag, locale) ? tag : undefined,
      year: year && /^\d{4}$/.test(year) ? Number(year) : undefined,
    },
    sort: first(params.sort) === 'date' ? 'date' : 'relevance',
    page: parsePageParam(Array.isArray(page) && page.length === 1 ? page[0] : page),
  };
}

/** One meaningful word of a query and the term it is looked up by. */
export interface QueryWord {
  word: string;
  term: string;
  /** Where the word is in the query text, to put a suggested spelling in its place. */
  start: number;
  end: number;
}

/** The words of a query that are searched for in a language, at most QUERY_LIMITS.terms of them. */
export function queryWords(text: string, locale: Locale): { words: QueryWord[]; shortened: boolean } {
  const words: QueryWord[] = [];
  for (const token of tokens(text, SEARCH_ANALYSIS)) {
    const term = termOf(token.word, locale, SEARCH_ANALYSIS);
    if (term === undefined) continue;
    if (words.length === QUERY_LIMITS.terms) return { words, shortened: true };
    words.push({ word: token.word, term, start: token.start, end: token.end });
  }
  return { words, shortened: false };
}
