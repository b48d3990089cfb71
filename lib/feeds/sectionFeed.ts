import { getTranslations } from 'next-intl/server';
import type { Locale } from '../../i18n/routing';
import { listingStories } from '../content/listings';
import { keptPerContent } from '../content/perContent';
import { getContent } from '../content/repository';
import { sectionName } from '../content/taxonomy';
import { currentVisibility } from '../content/visibility';
import { paths } from '../paths';
import { storyFeed } from './storyFeed';

/** A section's RSS feed, rendered once per content (lib/content/perContent.ts); undefined for an unknown section. */
export async function sectionFeedXml(locale: Locale, section: string): Promise<string | undefined> {
  const content = await getContent();
  const name = sectionName(content.taxonomy, section, locale);
  if (!name) return undefined;
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  const visibility = currentVisibility();
  return keptPerContent(content, `feed:rss:${locale}:section:${section}`, visibility.now, () =>
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
}
