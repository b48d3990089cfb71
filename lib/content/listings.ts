import type { Locale } from '../../i18n/routing';
import { paginate, parsePageParam, type Page } from '../pagination';
import type { LoadedContent } from './types';
import { storiesInLocale } from './queries';
import { sectionName, tagName } from './taxonomy';
import type { Story } from './types';
import type { Visibility } from './visibility';

export type Listing =
  | { kind: 'front' }
  | { kind: 'archive' }
  | { kind: 'section'; slug: string }
  | { kind: 'tag'; slug: string };

export const PAGE_SIZE: Record<Listing['kind'], number> = { front: 9, archive: 10, section: 10, tag: 10 };

/** All stories of a listing in a locale, or undefined when the section or tag does not exist. */
export function listingStories(
  content: LoadedContent,
  locale: Locale,
  listing: Listing,
  visibility: Visibility,
): Story[] | undefined {
  const all = storiesInLocale(content, locale, visibility);
  switch (listing.kind) {
    case 'front':
    case 'archive':
      return all;
    case 'section':
      return sectionName(content.taxonomy, listing.slug, locale) ? all.filter((s) => s.section === listing.slug) : undefined;
    case 'tag':
      return tagName(content.taxonomy, listing.slug, locale) ? all.filter((s) => s.tags.includes(listing.slug)) : undefined;
  }
}

/**
 * One page of a listing as `?page=` asks for it, or undefined for a 404: unknown section or tag,
 * a page that is not a positive integer, or a page past the end.
 */
export function listingPage(
  content: LoadedContent,
  locale: Locale,
  listing: Listing,
  pageParam: string | string[] | undefined,
  visibility: Visibility,
): (Page<Story> & { total: number }) | undefined {
  const stories = listingStories(content, locale, listing, visibility);
  const pageNumber = parsePageParam(pageParam);
  if (!stories || !pageNumber) return undefined;
  const page = paginate(stories, pageNumber, PAGE_SIZE[listing.kind]);
  return page && { ...page, total: stories.length };
}
