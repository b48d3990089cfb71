import { getTranslations } from 'next-intl/server';
import { OgCard } from '@/components/OgCard';
import { isLocale } from '@/i18n/routing';
import { findPublicStory } from '@/lib/content/queries';
import { getContent } from '@/lib/content/repository';
import { currentVisibility } from '@/lib/content/visibility';
import { cardResponse } from '@/lib/og/cardResponse';
import { cardPhoto } from '@/lib/og/photo';
import { storyCardFacts } from '@/lib/og/storyCard';

/** The story's 1200x630 social card (linked from og:image with ?v=<version>). */
export async function GET(request: Request, { params }: RouteContext<'/[locale]/news/[slug]/opengraph-image'>) {
  const { locale, slug } = await params;
  const content = await getContent();
  const story = isLocale(locale) ? findPublicStory(content, slug, currentVisibility()) : undefined;
  if (!isLocale(locale) || !story) return new Response('Not found\n', { status: 404 });
  const { live, ...facts } = storyCardFacts(story, locale, content.taxonomy);
  return cardResponse(request, `story:${locale}:${slug}`, facts.version, async () => {
    const t = await getTranslations({ locale, namespace: 'Metadata' });
    const liveLabel = live ? (await getTranslations({ locale, namespace: 'Live' }))('label') : undefined;
    return <OgCard siteName={t('siteName')} {...facts} liveLabel={liveLabel} photo={await cardPhoto(story, 460, 630)} />;
    // While the renderer is full: the site's card in this language (app/[locale]/opengraph-image).
  }, `site:${locale}`);
}
