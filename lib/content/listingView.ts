import type { Locale } from '../../i18n/routing';
import { parsePageParam } from '../pagination';
import { paths, withPage } from '../paths';
import { listingPage, type Listing } from './listings';
import { getContent } from './repository';
import { sectionLinks, sectionName, tagName } from './taxonomy';
import { toTeaser, type StoryTeaser } from './teasers';
import { currentVisibility } from './visibility';

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

/** The section's or tag's name in the locale (undefined for one that does not exist). */
export async function listingName(listing: Listing, locale: Locale): Promise<string | undefined> {
  const { taxonomy } = await getContent();
  if (listing.kind === 'section') return sectionName(taxonomy, listing.slug, locale);
  if (listing.kind === 'tag') return tagName(taxonomy, listing.slug, locale);
  return undefined;
}

/** The path of this page of a listing in another locale (for hreflang and the switcher). */
export function listingPagePath(listing: Listing, pageParam: string | string[] | undefined) {
  const page = parsePageParam(pageParam) ?? 1;
  return (locale: Locale) => withPage(listingPath(listing, locale), page);
}

/** This page of a listing in every locale: what the language switcher links. */
export function listingAlternates(listing: Listing, pageParam: string | string[] | undefined): Record<Locale, string> {
  const pathFor = listingPagePath(listing, pageParam);
  return { ru: pathFor('ru'), en: pathFor('en') };
}

/** Everything a listing page renders, or undefined for a 404 (unknown section/tag, bad page). */
export async function loadListingView(locale: Locale, listing: Listing, pageParam: string | string[] | undefined) {
  const content = await getContent();
  const page = listingPage(content, locale, listing, pageParam, currentVisibility());
  if (!page) return undefined;
  const stories: StoryTeaser[] = page.items.map((story) => toTeaser(story, locale, content.taxonomy));
  return {
    name: await listingName(listing, locale),
    stories,
    total: page.total,
    page: page.page,
    pageCount: page.pageCount,
    basePath: listingPath(listing, locale),
    alternates: listingAlternates(listing, pageParam),
    sections: sectionLinks(content.taxonomy, locale),
  };
}
