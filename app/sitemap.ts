import type { MetadataRoute } from 'next';
import { routing } from '@/i18n/routing';
import { storiesInLocale } from '@/lib/content/queries';
import { getContent } from '@/lib/content/repository';
import { currentVisibility } from '@/lib/content/visibility';
import { paths } from '@/lib/paths';
import { absoluteUrl } from '@/lib/seo/absolute';
import { hreflangAlternates } from '@/lib/seo/alternates';
import type { Locale } from '@/i18n/routing';

// Rendered per request: stories appear in it as soon as they are published.
export const dynamic = 'force-dynamic';

function absolute(languages: Record<string, string>) {
  return Object.fromEntries(Object.entries(languages).map(([lang, path]) => [lang, absoluteUrl(path)]));
}

/** Every public story in each locale it has, and every listing, with hreflang alternates. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const content = await getContent();
  const visibility = currentVisibility();
  const entries: MetadataRoute.Sitemap = [];
  const listing = (pathFor: (locale: Locale) => string, lastModified?: string) => {
    const languages = absolute(hreflangAlternates(pathFor, routing.locales, routing.defaultLocale));
    for (const locale of routing.locales) entries.push({ url: absoluteUrl(pathFor(locale)), lastModified, alternates: { languages } });
  };
  const newest = storiesInLocale(content, routing.defaultLocale, visibility)[0];
  listing(paths.home, newest?.updated ?? newest?.date);
  listing(paths.archive, newest?.updated ?? newest?.date);
  for (const section of Object.keys(content.taxonomy.sections)) listing((l) => paths.section(l, section));
  for (const tag of Object.keys(content.taxonomy.tags)) listing((l) => paths.tag(l, tag));

  const stories = new Map(routing.locales.flatMap((locale) => storiesInLocale(content, locale, visibility)).map((s) => [s.slug, s]));
  for (const story of stories.values()) {
    const available = (Object.keys(story.versions) as Locale[]).sort();
    const languages = absolute(hreflangAlternates((l) => paths.story(l, story.slug), available, story.original));
    for (const locale of available) {
      entries.push({ url: absoluteUrl(paths.story(locale, story.slug)), lastModified: story.updated ?? story.date, alternates: { languages } });
    }
  }
  return entries;
}
