import { create } from 'xmlbuilder2';
import { routing } from '../../i18n/routing';
import type { LoadedContent } from '../content/types';
import { storiesInLocale } from '../content/queries';
import type { Visibility } from '../content/visibility';
import { paths } from '../paths';
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
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('urlset', {
    xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9',
    'xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9',
  });
  for (const { locale, story } of recent) {
    const url = root.ele('url');
    url.ele('loc').txt(absoluteUrl(paths.story(locale, story.slug)));
    const news = url.ele('news:news');
    const publication = news.ele('news:publication');
    publication.ele('news:name').txt(publicationName(locale));
    publication.ele('news:language').txt(locale);
    news.ele('news:publication_date').txt(story.date);
    news.ele('news:title').txt(story.versions[locale]!.title);
  }
  return root.end({ prettyPrint: true });
}
