import { getTranslations } from 'next-intl/server';
import type { Locale } from '../../i18n/routing';
import { storiesInLocale } from '../content/queries';
import { getContent } from '../content/repository';
import { currentVisibility } from '../content/visibility';
import { paths } from '../paths';
import { storyFeed } from './storyFeed';

/** The locale's main feed (RSS and Atom share it). */
export async function localeFeed(locale: Locale) {
  const content = await getContent();
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  return storyFeed({
    locale,
    title: t('siteName'),
    description: t('siteDescription'),
    homePath: paths.home(locale),
    rssPath: paths.feed(locale),
    atomPath: paths.atom(locale),
    stories: storiesInLocale(content, locale, currentVisibility()),
    taxonomy: content.taxonomy,
  });
}
