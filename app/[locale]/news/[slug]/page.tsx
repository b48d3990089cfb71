import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { PageFrame } from '@/components/PageFrame';
import { PrintUrl } from '@/components/PrintUrl';
import { SidebarColumn } from '@/components/SidebarColumn';
import { JsonLd } from '@/components/JsonLd';
import { StoryArticle } from '@/components/StoryArticle';
import { ViewBeacon } from '@/components/ViewBeacon';
import { routing, type Locale } from '@/i18n/routing';
import { findPublicStory, latestStorySlugs, prerenderCount } from '@/lib/content/queries';
import { getContent } from '@/lib/content/repository';
import { toStoryView } from '@/lib/content/storyView';
import { sectionLinks } from '@/lib/content/taxonomy';
import { currentVisibility } from '@/lib/content/visibility';
import { paths } from '@/lib/paths';
import { storyCardPath } from '@/lib/og/storyCard';
import { newsArticleJsonLd } from '@/lib/seo/jsonLd';
import { storyPageMetadata } from '@/lib/seo/pageMetadata';
import { buildSidebars } from '@/lib/sidebars/sidebars';
import { popularSlugs } from '@/lib/views/popular';

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

async function load(params: PageProps<'/[locale]/news/[slug]'>['params']) {
  const { locale, slug } = (await params) as { locale: Locale; slug: string };
  const content = await getContent();
  const visibility = currentVisibility();
  return { locale, content, visibility, story: findPublicStory(content, slug, visibility) };
}

export async function generateMetadata({ params }: PageProps<'/[locale]/news/[slug]'>): Promise<Metadata> {
  const { locale, content, story } = await load(params);
  return story ? storyPageMetadata(story, locale, content.taxonomy) : {};
}

export default async function StoryPage({ params }: PageProps<'/[locale]/news/[slug]'>) {
  const { locale, content, visibility, story } = await load(params);
  if (!story) notFound();
  setRequestLocale(locale);
  const view = toStoryView(story, locale, content.taxonomy);
  const sidebars = buildSidebars({ content, locale, visibility, about: story, shown: [], popular: await popularSlugs() });
  const t = await getTranslations('Metadata');
  const jsonLd = newsArticleJsonLd(view, {
    locale,
    siteName: t('siteName'),
    cardPath: storyCardPath(story, locale, content.taxonomy),
  });
  return (
    <PageFrame locale={locale} sections={sectionLinks(content.taxonomy, locale)} alternates={view.alternates}>
      <JsonLd data={jsonLd} />
      <div className="grid gap-12 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div>
          <StoryArticle story={view} />
          <PrintUrl path={paths.story(locale, story.slug)} />
          <ViewBeacon slug={story.slug} locale={locale} />
        </div>
        <SidebarColumn sidebars={sidebars} />
      </div>
    </PageFrame>
  );
}
