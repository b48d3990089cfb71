import { languageTag } from '../../i18n/locales';
import type { Locale } from '../../i18n/routing';
import type { Story } from '../content/types';
import { renderAtom } from '../feeds/atom';
import type { FeedDocument } from '../feeds/feedDocument';
import { paths } from '../paths';
import { absoluteUrl } from '../seo/absolute';
import { updatesIn } from './liveView';

/** Updates a live story's feed carries, newest first. */
export const LIVE_FEED_SIZE = 50;

/** Where a live story's feed lives: `/{locale}/news/{slug}/feed.xml`. */
export function liveFeedPath(locale: Locale, slug: string): string {
  return `${paths.story(locale, slug)}/feed.xml`;
}

/**
 * A live story as an Atom feed, one entry per update in this language (the pinned one among them,
 * at its own time), so a feed reader follows it. Each entry links to the update's permalink,
 * which finds its page whatever page it is on by then.
 */
export function liveFeedAtom(story: Story, locale: Locale, siteName: string, now: number): string {
  const version = story.versions[locale] ?? story.versions[story.original]!;
  const { pinned, stream } = updatesIn(story.live!, locale, now);
  const updates = [...(pinned ? [pinned] : []), ...stream].sort((a, b) => b.published - a.published).slice(0, LIVE_FEED_SIZE);
  const document: FeedDocument = {
    link: absoluteUrl(paths.story(locale, story.slug)),
    title: `${version.title} — ${siteName}`,
    description: version.summary,
    language: languageTag(locale),
    updated: new Date(Math.max(story.published, ...updates.map((update) => Date.parse(update.updated ?? update.time)))),
    copyright: siteName,
    image: absoluteUrl('/logo.png'),
    favicon: absoluteUrl('/icon.svg'),
    rssUrl: absoluteUrl(liveFeedPath(locale, story.slug)),
    atomUrl: absoluteUrl(liveFeedPath(locale, story.slug)),
    entries: updates.map((update) => {
      const text = update.versions[locale]!;
      return {
        url: absoluteUrl(`${paths.story(locale, story.slug)}?update=${update.id}`),
        title: text.headline ?? text.bodyText.slice(0, 120),
        summary: text.bodyText.length > 300 ? `${text.bodyText.slice(0, 299)}…` : text.bodyText,
        contentHtml: text.bodyHtml,
        published: new Date(update.published),
        updated: new Date(update.updated ?? update.time),
        author: text.author,
        categories: [],
      };
    }),
  };
  return renderAtom(document);
}
