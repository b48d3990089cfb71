import { languageTag } from '../../i18n/locales';
import type { Locale } from '../../i18n/routing';
import type { Story, Taxonomy } from '../content/types';
import { sectionName, tagName } from '../content/taxonomy';
import { imageContentType } from '../imageType';
import { paths } from '../paths';
import { absoluteUrl } from '../seo/absolute';
import { renderAtom } from './atom';
import type { FeedDocument, FeedEntry } from './feedDocument';
import { renderRss } from './rss';

export const FEED_SIZE = 30;

/** A feed that renders as RSS 2.0 or Atom 1.0 (the routes pick one). */
export interface StoryFeed {
  document: FeedDocument;
  rss2(): string;
  atom1(): string;
}

function entry(story: Story, locale: Locale, taxonomy: Taxonomy): FeedEntry {
  const version = story.versions[locale]!;
  const section = sectionName(taxonomy, story.section, locale) ?? story.section;
  return {
    url: absoluteUrl(paths.story(locale, story.slug)),
    title: version.title,
    summary: version.summary,
    contentHtml: version.bodyHtml,
    published: new Date(story.date),
    updated: new Date(story.updated ?? story.date),
    author: version.author,
    categories: [
      { name: section, term: story.section, domain: absoluteUrl(paths.section(locale, story.section)), scheme: absoluteUrl(`/${locale}/section/`) },
      ...story.tags.map((tag) => ({
        name: tagName(taxonomy, tag, locale) ?? tag,
        term: tag,
        domain: absoluteUrl(paths.tag(locale, tag)),
        scheme: absoluteUrl(`/${locale}/tag/`),
      })),
    ],
    enclosure: story.image
      ? { url: absoluteUrl(story.image.url), type: imageContentType(story.image.file), length: story.image.bytes }
      : undefined,
  };
}

/** An RSS/Atom feed of the latest stories with a version in this locale (newest first given). */
export function storyFeed(options: {
  locale: Locale;
  title: string;
  description: string;
  homePath: string;
  /** Where this feed lives (its self link), and its Atom twin if any. */
  rssPath: string;
  atomPath?: string;
  stories: Story[];
  taxonomy: Taxonomy;
}): StoryFeed {
  const { locale, title, description, homePath, rssPath, atomPath, stories, taxonomy } = options;
  const latest = stories.slice(0, FEED_SIZE);
  const document: FeedDocument = {
    link: absoluteUrl(homePath),
    title,
    description,
    language: languageTag(locale),
    updated: new Date(Math.max(0, ...latest.map((s) => Date.parse(s.updated ?? s.date)))),
    copyright: title,
    image: absoluteUrl('/logo.png'),
    favicon: absoluteUrl('/icon.svg'),
    rssUrl: absoluteUrl(rssPath),
    atomUrl: atomPath ? absoluteUrl(atomPath) : undefined,
    entries: latest.map((story) => entry(story, locale, taxonomy)),
  };
  return { document, rss2: () => renderRss(document), atom1: () => renderAtom(document) };
}

export function feedResponse(body: string, type: 'rss' | 'atom'): Response {
  return new Response(body, {
    headers: {
      'content-type': type === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8',
      'cache-control': 'public, max-age=300, stale-while-revalidate=600',
    },
  });
}
