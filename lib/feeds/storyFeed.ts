import { Feed } from 'feed';
import type { Locale } from '../../i18n/routing';
import type { Story, Taxonomy } from '../content/types';
import { sectionName, tagName } from '../content/taxonomy';
import { imageContentType } from '../imageType';
import { paths } from '../paths';
import { absoluteUrl } from '../seo/absolute';

export const FEED_SIZE = 30;

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
}): Feed {
  const { locale, title, description, homePath, rssPath, atomPath, stories, taxonomy } = options;
  const latest = stories.slice(0, FEED_SIZE);
  const feed = new Feed({
    id: absoluteUrl(homePath),
    link: absoluteUrl(homePath),
    title,
    description,
    language: locale,
    updated: new Date(Math.max(0, ...latest.map((s) => Date.parse(s.updated ?? s.date)))),
    generator: false,
    copyright: title,
    image: absoluteUrl('/logo.png'),
    favicon: absoluteUrl('/icon.svg'),
    feedLinks: { rss: absoluteUrl(rssPath), ...(atomPath ? { atom: absoluteUrl(atomPath) } : {}) },
  });
  for (const story of latest) {
    const version = story.versions[locale]!;
    const url = absoluteUrl(paths.story(locale, story.slug));
    const section = sectionName(taxonomy, story.section, locale) ?? story.section;
    feed.addItem({
      title: version.title,
      id: url,
      guid: url,
      link: url,
      date: new Date(story.updated ?? story.date),
      published: new Date(story.date),
      description: version.summary,
      content: version.bodyHtml,
      author: version.author ? [{ name: version.author }] : undefined,
      category: [
        // RSS reads name and domain; Atom needs a term (the slug) and takes the name as its label.
        { name: section, term: story.section, domain: absoluteUrl(paths.section(locale, story.section)), scheme: absoluteUrl(`/${locale}/section/`) },
        ...story.tags.map((tag) => ({
          name: tagName(taxonomy, tag, locale) ?? tag,
          term: tag,
          domain: absoluteUrl(paths.tag(locale, tag)),
          scheme: absoluteUrl(`/${locale}/tag/`),
        })),
      ],
      image: story.image
        ? {
            url: absoluteUrl(story.image.url),
            type: imageContentType(story.image.file),
            length: story.image.bytes,
          }
        : undefined,
    });
  }
  return feed;
}

export function feedResponse(body: string, type: 'rss' | 'atom'): Response {
  return new Response(body, {
    headers: {
      'content-type': type === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8',
      'cache-control': 'public, max-age=300, stale-while-revalidate=600',
    },
  });
}
