import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { JsonLd } from '@/components/JsonLd';
import { PageFrame } from '@/components/PageFrame';
import { Pagination } from '@/components/Pagination';
import { SidebarColumn } from '@/components/SidebarColumn';
import { StoryCard } from '@/components/StoryCard';
import { StoryList } from '@/components/StoryList';
import type { Locale } from '@/i18n/routing';
import { listingPage } from '@/lib/content/listings';
import { listingAlternates, listingPagePath } from '@/lib/content/listingView';
import { getContent } from '@/lib/content/repository';
import { sectionLinks } from '@/lib/content/taxonomy';
import { toTeaser } from '@/lib/content/teasers';
import { currentVisibility } from '@/lib/content/visibility';
import { paths } from '@/lib/paths';
import { websiteJsonLd } from '@/lib/seo/jsonLd';
import { listingPageMetadata } from '@/lib/seo/pageMetadata';
import { buildSidebars } from '@/lib/sidebars/sidebars';
import { popularSlugs } from '@/lib/views/popular';

export async function generateMetadata({ params, searchParams }: PageProps<'/[locale]'>): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  return listingPageMetadata(locale, { pathFor: listingPagePath({ kind: 'front' }, (await searchParams).page) });
}

export default async function FrontPage({ params, searchParams }: PageProps<'/[locale]'>) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const content = await getContent();
  const visibility = currentVisibility();
  const pageParam = (await searchParams).page;
  const page = listingPage(content, locale, { kind: 'front' }, pageParam, visibility);
  if (!page) notFound();
  const t = await getTranslations('FrontPage');
  const meta = await getTranslations('Metadata');
  const teasers = page.items.map((story) => toTeaser(story, locale, content.taxonomy));
  const [lead, ...rest] = page.page === 1 ? teasers : [undefined, ...teasers];
  const sidebars = buildSidebars({
    content,
    locale,
    visibility,
    about: page.page === 1 ? page.items[0] : undefined,
    shown: page.items.map((story) => story.slug),
    popular: await popularSlugs(),
  });
  return (
    <PageFrame locale={locale} sections={sectionLinks(content.taxonomy, locale)} alternates={listingAlternates({ kind: 'front' }, pageParam)}>
      <JsonLd data={websiteJsonLd(locale, meta('siteName'), meta('siteDescription'))} />
      <h1 className="sr-only">{t('heading')}</h1>
      <div className="grid gap-12 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div>
          {lead && (
            <section aria-label={t('lead')} className="border-b border-rule pb-8" data-component="lead-story">
              <StoryCard story={lead} lead />
            </section>
          )}
          <section aria-labelledby="latest-heading" className="mt-6">
            <h2 id="latest-heading" className="text-sm font-bold uppercase tracking-wide">
              {t('latest')}
            </h2>
            <StoryList stories={rest.filter((teaser) => teaser !== undefined)} />
          </section>
          <Pagination basePath={paths.home(locale)} page={page.page} pageCount={page.pageCount} />
        </div>
        <SidebarColumn sidebars={sidebars} />
      </div>
    </PageFrame>
  );
}
