import { routing } from '../../i18n/routing';
import type { LoadedContent } from '../content/types';
import { storiesInLocale } from '../content/queries';
import type { Visibility } from '../content/visibility';
import { paths } from '../paths';
import { el, xmlDocument } from '../xml';
import { absoluteUrl } from './absolute';

const WINDOW_MS = 48 * 3600 * 1000;
const MAX_URLS = 1000;

/**
 * Google News sitemap: story versions published in the last 48 hours, newest first, at most 1,000,
 * each with the publication's name and language.
 */
export function newsSitemapXml(content: LoadedContent, visibility: Visibility, publicationName: (locale: string) => string): string {
  const recent = routing.locales
    .flatMap((locale) => storiesInLocale(content, locale, visibility).map((story) => ({ locale, story })))
    .filter(({ story }) => visibility.now - story.published <= WINDOW_MS)
    .sort((a, b) => b.story.published - a.story.published)
    .slice(0, MAX_URLS);
  const urls = recent.map(({ locale, story }) =>
    el('url', {}, [
      el('loc', {}, absoluteUrl(paths.story(locale, story.slug))),
      el('news:news', {}, [
        el('news:publication', {}, [el('news:name', {}, publicationName(locale)), el('news:language', {}, locale)]),
        el('news:publication_date', {}, story.date),
        el('news:title', {}, story.versions[locale]!.title),
      ]),
    ]),
  );
  return xmlDocument(el('urlset', { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9', 'xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9' }, urls));
}
