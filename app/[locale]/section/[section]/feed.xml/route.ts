import { getTranslations } from 'next-intl/server';
import { isLocale } from '@/i18n/routing';
import { listingStories } from '@/lib/content/listings';
import { keptPerContent } from '@/lib/content/perContent';
import { getContent } from '@/lib/content/repository';
import { sectionName } from '@/lib/content/taxonomy';
import { currentVisibility } from '@/lib/content/visibility';
import { feedResponse, storyFeed } from '@/lib/feeds/storyFeed';
import { paths } from '@/lib/paths';

export async function GET(_request: Request, { params }: RouteContext<'/[locale]/section/[section]/feed.xml'>) {
  const { locale, section } = await params;
  const content = await getContent();
  const name = isLocale(locale) ? sectionName(content.taxonomy, section, locale) : undefined;
  if (!isLocale(locale) || !name) return new Response('Not found\n', { status: 404 });
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  const visibility = currentVisibility();
  const xml = keptPerContent(content, `feed:rss:${locale}:section:${section}`, visibility.now, () =>
    storyFeed({
      locale,
      title: `${t('siteName')}: ${name}`,
      description: t('siteDescription'),
      homePath: paths.section(locale, section),
      rssPath: paths.sectionFeed(locale, section),
      stories: listingStories(content, locale, { kind: 'section', slug: section }, visibility) ?? [],
      taxonomy: content.taxonomy,
    }).rss2(),
  );
  return feedResponse(xml, 'rss');
}
