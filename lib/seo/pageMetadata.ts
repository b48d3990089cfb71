import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '../../i18n/routing';
import type { Story, Taxonomy } from '../content/types';
import { toStoryView } from '../content/storyView';
import { siteCardFacts, siteCardPath } from '../og/siteCard';
import { liveFeedPath } from '../liveblog/liveFeed';
import { storyCardPath } from '../og/storyCard';
import { listingMetadata, storyMetadata } from './metadata';

/** generateMetadata of the story page. */
export async function storyPageMetadata(story: Story, locale: Locale, taxonomy: Taxonomy): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  return storyMetadata(toStoryView(story, locale, taxonomy), {
    locale,
    siteName: t('siteName'),
    cardPath: storyCardPath(story, locale, taxonomy),
    liveFeedPath: story.live ? liveFeedPath(locale, story.slug) : undefined,
  });
}

/** generateMetadata of the front page and the listings, with the site's default card. */
export async function listingPageMetadata(
  locale: Locale,
  options: { title?: string; pathFor: (locale: Locale) => string; section?: { slug: string; name: string } },
): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  const card = siteCardFacts(locale, t('siteName'), t('siteDescription'));
  return listingMetadata({
    locale,
    siteName: t('siteName'),
    description: t('siteDescription'),
    cardPath: siteCardPath(locale, card.version),
    ...options,
  });
}
