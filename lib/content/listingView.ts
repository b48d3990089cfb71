import { routing, type Locale } from '../../i18n/routing';
import { paths, withPage } from '../paths';
import { listingPage, type Listing } from './listings';
import { getContent } from './repository';
import { sectionLinks, sectionName, tagName } from './taxonomy';
import { toTeaser, type StoryTeaser } from './teasers';
import type { LoadedContent } from './types';
import { currentVisibility, type Visibility } from './visibility';

/** Where a listing lives in a locale. */
export function listingPath(listing: Listing, locale: Locale): string {
  switch (listing.kind) {
    case 'front':
      return paths.home(locale);
    case 'archive':
      return paths.archive(locale);
    case 'section':
      return paths.section(locale, listing.slug);
    case 'tag':
      return paths.tag(locale, listing.slug);
  }
}

/**
 * Where a page of a listing is rendered and cached: page 1 at the listing's own path, page N at
 * `{path}/page/N`. The proxy rewrites `?page=N` there (lib/edge/listingRewrite.ts), so each page is a
 * path Next can cache like a story page, while readers keep the `?page=N` URLs.
 */
export function listingRenderPath(listing: Listing, locale: Locale, page: number): string {
  const path = listingPath(listing, locale);
  return page > 1 ? `${path}/page/${page}` : path;
}

/** The section's or tag's name in the locale (undefined for one that does not exist). */
export function listingName(content: LoadedContent, listing: Listing, locale: Locale): string | undefined {
  if (listing.kind === 'section') return sectionName(content.taxonomy, listing.slug, locale);
  if (listing.kind === 'tag') return tagName(content.taxonomy, listing.slug, locale);
  return undefined;
}

/**
 * This page of a listing in every locale, for the language switcher and hreflang: the same page
 * number where the other language has that many pages, else its first page (never a 404).
 */
export function listingAlternates(content: LoadedContent, listing: Listing, page: number, visibility: Visibility): Record<Locale, string> {
  const entries = routing.locales.map((locale) => {
    const exists = listingPage(content, locale, listing, String(page), visibility) !== undefined;
    return [locale, withPage(listingPath(listing, locale), exists ? page : 1)] as const;
  });
  return Object.fromEntries(entries) as Record<Locale, string>;
}

/** Everything a listing page renders, or undefined for a 404 (unknown section/tag, bad page). */
export async function loadListingView(locale: Locale, listing: Listing, page: number) {
  const content = await getContent();
  const visibility = currentVisibility();
  const found = listingPage(content, locale, listing, String(page), visibility);
  if (!found) return undefined;
  const stories: StoryTeaser[] = found.items.map((story) => toTeaser(story, locale, content.taxonomy));
  return {
    content,
    visibility,
    items: found.items,
    name: listingName(content, listing, locale),
    stories,
    total: found.total,
    page: found.page,
    pageCount: found.pageCount,
    basePath: listingPath(listing, locale),
    alternates: listingAlternates(content, listing, found.page, visibility),
    sections: sectionLinks(content.taxonomy, locale),
  };
}
