import { languageTag } from '../../i18n/locales';
import type { Locale } from '../../i18n/routing';
import { paths } from '../paths';
import type { StoryView } from '../content/storyView';
import type { LiveView } from '../liveblog/liveView';
import { absoluteUrl } from './absolute';

type JsonLd = Record<string, unknown>;

/**
 * JSON for a <script type="application/ld+json">: "<" and ">" are escaped so no text in content
 * can close the script element, and U+2028/U+2029 so the output stays valid in every parser.
 */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function publisher(siteName: string): JsonLd {
  return {
    '@type': 'NewsMediaOrganization',
    name: siteName,
    url: absoluteUrl('/'),
    logo: { '@type': 'ImageObject', url: absoluteUrl('/logo.png'), width: 600, height: 60 },
  };
}

/** How many of a live story's latest updates its structured data lists. */
const LIVE_UPDATES_IN_JSON_LD = 10;

/** A live story is a LiveBlogPosting (schema.org): its coverage times and latest updates. */
function liveBlogFields(story: StoryView, live: LiveView): JsonLd {
  // The latest updates, on page 1 (a later page is older updates: it lists none).
  const latest = live.page === 1 ? [...(live.pinned ? [live.pinned] : []), ...live.updates].sort((a, b) => Date.parse(b.time) - Date.parse(a.time)).slice(0, LIVE_UPDATES_IN_JSON_LD) : [];
  return {
    '@type': 'LiveBlogPosting',
    coverageStartTime: story.date,
    ...(!live.on && (live.ended ?? live.lastUpdated) ? { coverageEndTime: live.ended ?? live.lastUpdated } : {}),
    ...(live.lastUpdated ? { dateModified: live.lastUpdated } : {}),
    liveBlogUpdate: latest.map((update) => ({
      '@type': 'BlogPosting',
      headline: update.headline ?? story.title,
      datePublished: update.time,
      ...(update.updated ? { dateModified: update.updated } : {}),
      url: absoluteUrl(update.href),
      articleBody: update.bodyText,
    })),
  };
}

export function newsArticleJsonLd(story: StoryView, options: { locale: Locale; siteName: string; cardPath: string; live?: LiveView }): JsonLd[] {
  const images = [absoluteUrl(options.cardPath)];
  if (story.image) images.push(absoluteUrl(story.image.file.url));
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: story.title,
      description: story.summary,
      datePublished: story.date,
      dateModified: story.updated ?? story.date,
      inLanguage: languageTag(story.lang),
      image: images,
      author: story.author ? { '@type': 'Organization', name: story.author } : publisher(options.siteName),
      publisher: publisher(options.siteName),
      mainEntityOfPage: { '@type': 'WebPage', '@id': absoluteUrl(story.canonicalPath) },
      articleSection: story.section.name,
      keywords: story.tags.map((tag) => tag.name).join(', '),
      isAccessibleForFree: true,
      ...(story.source ? { isBasedOn: story.source.url } : {}),
      ...(options.live ? liveBlogFields(story, options.live) : {}),
    },
    {
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: options.siteName, item: absoluteUrl(paths.home(options.locale)) },
        { '@type': 'ListItem', position: 2, name: story.section.name, item: absoluteUrl(story.section.href) },
        { '@type': 'ListItem', position: 3, name: story.title, item: absoluteUrl(paths.story(options.locale, story.slug)) },
      ],
    },
  ];
}

export function websiteJsonLd(locale: Locale, siteName: string, description: string): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: siteName,
    description,
    inLanguage: languageTag(locale),
    url: absoluteUrl(paths.home(locale)),
    publisher: publisher(siteName),
  };
}
