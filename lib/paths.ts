import type { Locale } from '../i18n/routing';

/** Every site URL is built here, so links, canonicals, feeds and tests agree. */
export const paths = {
  home: (locale: Locale) => `/${locale}`,
  story: (locale: Locale, slug: string) => `/${locale}/news/${slug}`,
  section: (locale: Locale, section: string) => `/${locale}/section/${section}`,
  tag: (locale: Locale, tag: string) => `/${locale}/tag/${tag}`,
  archive: (locale: Locale) => `/${locale}/archive`,
  feed: (locale: Locale) => `/${locale}/feed.xml`,
  atom: (locale: Locale) => `/${locale}/atom.xml`,
  sectionFeed: (locale: Locale, section: string) => `/${locale}/section/${section}/feed.xml`,
  /** The sitemap index; it names the child sitemaps below. */
  sitemapIndex: () => '/sitemap.xml',
  /** A child sitemap (`listings-1.xml`, `stories-1.xml`, …): lib/seo/sitemaps.ts. */
  sitemapChild: (name: string) => `/sitemaps/${name}`,
  newsSitemap: () => '/news-sitemap.xml',
};

/** `?page=N` on a path, after any query it already has (a search's `?q=`). */
export function withPage(path: string, page: number): string {
  return page > 1 ? `${path}${path.includes('?') ? '&' : '?'}page=${page}` : path;
}
