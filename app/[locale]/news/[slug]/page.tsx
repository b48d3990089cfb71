import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { PageFrame } from '@/components/PageFrame';
import { SidebarColumn } from '@/components/SidebarColumn';
import { SidebarList } from '@/components/SidebarList';
import { StoryArticle } from '@/components/StoryArticle';
import { PrintUrl } from '@/components/PrintUrl';
import { routing, type Locale } from '@/i18n/routing';
import { findPublicStory, storiesInLocale } from '@/lib/content/queries';
import { getContent } from '@/lib/content/repository';
import { sectionLinks } from '@/lib/content/taxonomy';
import { toStoryView } from '@/lib/content/storyView';
import { toTeaser } from '@/lib/content/teasers';
import { currentVisibility } from '@/lib/content/visibility';
import { paths } from '@/lib/paths';
import { getTranslations } from 'next-intl/server';

// Prerendered, then regenerated in the background at most once a minute.
export const revalidate = 60;

export async function generateStaticParams() {
  const content = await getContent();
  const visibility = currentVisibility();
  return routing.locales.flatMap((locale) =>
    [...content.stories.values()]
      .filter((story) => findPublicStory(content, story.slug, visibility))
      .map((story) => ({ locale, slug: story.slug })),
  );
}

async function load(params: PageProps<'/[locale]/news/[slug]'>['params']) {
  const { locale, slug } = (await params) as { locale: Locale; slug: string };
  const content = await getContent();
  const story = findPublicStory(content, slug, currentVisibility());
  return { locale, content, story };
}

export async function generateMetadata({ params }: PageProps<'/[locale]/news/[slug]'>): Promise<Metadata> {
  const { locale, content, story } = await load(params);
  if (!story) return {};
  const view = toStoryView(story, locale, content.taxonomy);
  return {
    title: view.title,
    description: view.summary,
    alternates: {
      canonical: paths.story(view.translated ? locale : view.original, story.slug),
    },
  };
}

export default async function StoryPage({ params }: PageProps<'/[locale]/news/[slug]'>) {
  const { locale, content, story } = await load(params);
  if (!story) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('Sidebar');
  const view = toStoryView(story, locale, content.taxonomy);
  const latest = storiesInLocale(content, locale, currentVisibility())
    .filter((other) => other.slug !== story.slug)
    .slice(0, 5)
    .map((other) => toTeaser(other, locale, content.taxonomy));
  return (
    <PageFrame locale={locale} sections={sectionLinks(content.taxonomy, locale)} alternates={view.alternates}>
      <div className="grid gap-12 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div>
          <StoryArticle story={view} />
          <PrintUrl path={paths.story(locale, story.slug)} />
        </div>
        <SidebarColumn>
          <SidebarList id="latest" title={t('latest')} stories={latest} />
        </SidebarColumn>
      </div>
    </PageFrame>
  );
}
