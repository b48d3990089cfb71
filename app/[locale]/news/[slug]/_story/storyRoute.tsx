import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { LiveCoverage } from '@/components/live/LiveCoverage';
import { PageFrame } from '@/components/PageFrame';
import { PrintUrl } from '@/components/PrintUrl';
import { SidebarColumn } from '@/components/SidebarColumn';
import { JsonLd } from '@/components/JsonLd';
import { StoryArticle } from '@/components/StoryArticle';
import { ViewBeacon } from '@/components/ViewBeacon';
import type { Locale } from '@/i18n/routing';
import { findPublicStory } from '@/lib/content/queries';
import { getContent } from '@/lib/content/repository';
import { toStoryView } from '@/lib/content/storyView';
import { sectionLinks } from '@/lib/content/taxonomy';
import { currentVisibility } from '@/lib/content/visibility';
import { liveStoryPath, liveView } from '@/lib/liveblog/liveView';
import { paths } from '@/lib/paths';
import { parsePageParam } from '@/lib/pagination';
import { storyCardPath } from '@/lib/og/storyCard';
import { newsArticleJsonLd } from '@/lib/seo/jsonLd';
import { storyPageMetadata } from '@/lib/seo/pageMetadata';
import { buildSidebars } from '@/lib/sidebars/sidebars';
import { popularSlugs } from '@/lib/views/popular';

// A story page, and for a live story its pages of updates: page 1 at /{locale}/news/{slug}, page N
// rendered at …/page/N where the proxy rewrites `?page=N` (lib/edge/liveStoryRequest.ts).

type StoryParams = Promise<{ locale: string; slug: string; page?: string }>;

async function load(params: StoryParams) {
  const { locale, slug, page: rawPage } = (await params) as { locale: Locale; slug: string; page?: string };
  const content = await getContent();
  const visibility = currentVisibility();
  const story = findPublicStory(content, slug, visibility);
  const page = parsePageParam(rawPage);
  // Page N exists only for a live story that has that many pages of updates.
  const live = story?.live && page !== undefined ? liveView(story, locale, page, visibility.now) : undefined;
  const missing = !story || page === undefined || (page > 1 && !live);
  return { locale, content, visibility, story: missing ? undefined : story, live, page: page ?? 1 };
}

export async function storyRouteMetadata(params: StoryParams): Promise<Metadata> {
  const { locale, content, story, page } = await load(params);
  if (!story) return {};
  const metadata = await storyPageMetadata(story, locale, content.taxonomy);
  // A later page of updates is its own address; its alternates stay those of the story.
  return page > 1 ? { ...metadata, alternates: { ...metadata.alternates, canonical: liveStoryPath(locale, story.slug, page) } } : metadata;
}

export async function StoryRoute({ params }: { params: StoryParams }) {
  const { locale, content, visibility, story, live } = await load(params);
  if (!story) notFound();
  setRequestLocale(locale);
  const view = toStoryView(story, locale, content.taxonomy);
  const sidebars = buildSidebars({ content, locale, visibility, about: story, shown: [], popular: await popularSlugs() });
  const t = await getTranslations('Metadata');
  const jsonLd = newsArticleJsonLd(view, { locale, siteName: t('siteName'), cardPath: storyCardPath(story, locale, content.taxonomy), live });
  return (
    <PageFrame locale={locale} sections={sectionLinks(content.taxonomy, locale)} alternates={view.alternates}>
      <JsonLd data={jsonLd} />
      <div className="grid gap-12 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div>
          <StoryArticle story={view} />
          {live && <LiveCoverage live={live} storyPath={paths.story(locale, story.slug)} />}
          <PrintUrl path={paths.story(locale, story.slug)} />
          <ViewBeacon slug={story.slug} locale={locale} />
        </div>
        <SidebarColumn sidebars={sidebars} />
      </div>
    </PageFrame>
  );
}
