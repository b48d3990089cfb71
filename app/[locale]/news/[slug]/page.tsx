import type { Metadata } from 'next';
import { routing } from '@/i18n/routing';
import { latestStorySlugs, prerenderCount } from '@/lib/content/queries';
import { getContent } from '@/lib/content/repository';
import { currentVisibility } from '@/lib/content/visibility';
import { StoryRoute, storyRouteMetadata } from './_story/storyRoute';

// Served from the cache and regenerated in the background at most every 30 s, so Popular
// reflects new views within a minute while readers always get a cached page.
export const revalidate = 30;

// The build prerenders the latest stories only (PRERENDER_STORIES, default 100), so it takes
// about as long for 10,000 stories as for 100; older ones render on their first request and are
// cached from then on. Unknown slugs never get here: the proxy answers them with a 404.
export async function generateStaticParams() {
  const content = await getContent();
  return routing.locales.flatMap((locale) => latestStorySlugs(content, currentVisibility(), prerenderCount()).map((slug) => ({ locale, slug })));
}

export function generateMetadata({ params }: PageProps<'/[locale]/news/[slug]'>): Promise<Metadata> {
  return storyRouteMetadata(params);
}

export default function StoryPage({ params }: PageProps<'/[locale]/news/[slug]'>) {
  return <StoryRoute params={params} />;
}
