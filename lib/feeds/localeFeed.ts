import { getTranslations } from 'next-intl/server';
import type { Locale } from '../../i18n/routing';
import { keptPerContent } from '../content/perContent';
import { storiesInLocale } from '../content/queries';
import { getContent } from '../content/repository';
import { currentVisibility } from '../content/visibility';
import { paths } from '../paths';
import { storyFeed } from './storyFeed';

/** The locale's main feed as RSS or Atom, rendered once per content (lib/content/perContent.ts). */
export async function localeFeedXml(locale: Locale, format: 'rss' | 'atom'): Promise<string> {
  const content = await getContent();
  const visibility = currentVisibility();
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  return keptPerContent(content, `feed:${format}:${locale}`, visibility.now, () => {
    const feed = storyFeed({
      locale,
      title: t('siteName'),
      description: t('siteDescription'),
      homePath: paths.home(locale),
      rssPath: paths.feed(locale),
      atomPath: paths.atom(locale),
      stories: storiesInLocale(content, locale, visibility),
      taxonomy: content.taxonomy,
    });
    return format === 'rss' ? feed.rss2() : feed.atom1();
  });
}
