import type { Locale } from '../../i18n/routing';
import type { SearchFilters, SearchSort } from './query';

export interface SearchLink {
  q: string;
  filters?: SearchFilters;
  sort?: SearchSort;
}

/** `/{locale}/search`, the address of the search page and of every search form. */
export function searchBase(locale: Locale): string {
  return `/${locale}/search`;
}

/** A search's address, without `page` (Pagination adds it) and without defaults. */
export function searchPath(locale: Locale, { q, filters = {}, sort = 'relevance' }: SearchLink): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (filters.section) params.set('section', filters.section);
  if (filters.tag) params.set('tag', filters.tag);
  if (filters.year) params.set('year', String(filters.year));
  if (sort !== 'relevance') params.set('sort', sort);
  const query = params.toString();
  return query ? `${searchBase(locale)}?${query}` : searchBase(locale);
}

export const OPENSEARCH_CONTENT_TYPE = 'application/opensearchdescription+xml';

/** The browser's search description (OpenSearch) of a locale. */
export function openSearchPath(locale: Locale): string {
  return `/${locale}/opensearch.xml`;
}
