import type { Metadata } from 'next';
import { routing, type Locale } from '../../i18n/routing';
import type { StoryView } from '../content/storyView';
import { paths } from '../paths';
import { byLanguageTag, hreflangAlternates, ogLocale } from './alternates';

const CARD = { width: 1200, height: 630, type: 'image/png' } as const;

/** The feeds every page advertises, plus a section's own feed on its pages. */
export function feedLinks(locale: Locale, siteName: string, section?: { slug: string; name: string }, liveFeed?: { url: string; title: string }) {
  const rss = [{ url: paths.feed(locale), title: siteName }];
  if (section) rss.push({ url: paths.sectionFeed(locale, section.slug), title: `${siteName}: ${section.name}` });
  // A live story's own feed first: the one a reader of this page means to follow.
  return { 'application/rss+xml': rss, 'application/atom+xml': [...(liveFeed ? [liveFeed] : []), { url: paths.atom(locale), title: siteName }] };
}

export function storyMetadata(view: StoryView, options: { locale: Locale; siteName: string; cardPath: string; liveFeedPath?: string }): Metadata {
  const { locale, siteName, cardPath, liveFeedPath } = options;
  const canonical = view.canonicalPath;
  return {
    title: view.title,
    description: view.summary,
    alternates: {
      canonical,
      languages: byLanguageTag(hreflangAlternates((l) => paths.story(l, view.slug), view.availableLocales, view.original)),
      types: feedLinks(locale, siteName, view.section, liveFeedPath ? { url: liveFeedPath, title: view.title } : undefined),
    },
    openGraph: {
      type: 'article',
      siteName,
      url: canonical,
      locale: ogLocale(view.lang),
      alternateLocale: view.availableLocales.filter((l) => l !== view.lang).map(ogLocale),
      title: view.title,
      description: view.summary,
      images: [{ url: cardPath, ...CARD, alt: view.title }],
      publishedTime: view.date,
      modifiedTime: view.updated ?? view.date,
      section: view.section.name,
      tags: view.tags.map((tag) => tag.name),
    },
    twitter: { card: 'summary_large_image', title: view.title, description: view.summary, images: [{ url: cardPath, alt: view.title }] },
  };
}

/** Front page, sections, tags and the archive: they exist in every locale. */
export function listingMetadata(options: {
  locale: Locale;
  siteName: string;
  description: string;
  title?: string;
  pathFor: (locale: Locale) => string;
  cardPath: string;
  section?: { slug: string; name: string };
}): Metadata {
  const { locale, siteName, description, title, pathFor, cardPath, section } = options;
  const ogTitle = title ?? siteName;
  return {
    ...(title ? { title } : {}),
    description,
    alternates: {
      canonical: pathFor(locale),
      languages: byLanguageTag(hreflangAlternates(pathFor, routing.locales, routing.defaultLocale)),
      types: feedLinks(locale, siteName, section),
    },
    openGraph: {
      type: 'website',
      siteName,
      url: pathFor(locale),
      locale: ogLocale(locale),
      alternateLocale: routing.locales.filter((l) => l !== locale).map(ogLocale),
      title: ogTitle,
      description,
      images: [{ url: cardPath, ...CARD, alt: siteName }],
    },
    twitter: { card: 'summary_large_image', title: ogTitle, description, images: [{ url: cardPath, alt: siteName }] },
  };
}
