import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import { keptPerContent } from '@/lib/content/perContent';
import { findPublicStory } from '@/lib/content/queries';
import { getContent } from '@/lib/content/repository';
import { currentVisibility } from '@/lib/content/visibility';
import { notLiveStoryResponse } from '@/lib/liveblog/notLiveStory';
import { feedResponse } from '@/lib/feeds/storyFeed';
import { liveFeedAtom } from '@/lib/liveblog/liveFeed';

/** GET /{locale}/news/{slug}/feed.xml: a live story's updates as Atom (lib/liveblog/liveFeed.ts). */
export async function GET(_request: Request, { params }: RouteContext<'/[locale]/news/[slug]/feed.xml'>) {
  const { locale, slug } = (await params) as { locale: Locale; slug: string };
  const content = await getContent();
  const visibility = currentVisibility();
  const story = findPublicStory(content, slug, visibility);
  if (!story?.live) return notLiveStoryResponse();
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  return feedResponse(keptPerContent(content, `live-feed:${locale}:${slug}`, visibility.now, () => liveFeedAtom(story, locale, t('siteName'), visibility.now)), 'atom');
}
