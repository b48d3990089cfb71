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
import { loadListingView } from '@/lib/content/listingView';
import { parsePageParam } from '@/lib/pagination';
import { paths } from '@/lib/paths';
import { websiteJsonLd } from '@/lib/seo/jsonLd';
import { listingPageMetadata } from '@/lib/seo/pageMetadata';
import { buildSidebars } from '@/lib/sidebars/sidebars';
import { popularSlugs } from '@/lib/views/popular';

/** The front page, at `/{locale}` (page 1) and `/{locale}/page/N` (where `?page=N` is rewritten). */
type Params = Promise<{ locale: string; page?: string }>;

async function load(paramsPromise: Params) {
  const params = await paramsPromise;
  const locale = params.locale as Locale;
  const page = parsePageParam(params.page);
  return { locale, view: page ? await loadListingView(locale, { kind: 'front' }, page) : undefined };
}

export async function generateFrontMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, view } = await load(params);
  return view ? listingPageMetadata(locale, { pathFor: (l) => view.alternates[l]! }) : {};
}

export async function FrontPage({ params }: { params: Params }) {
  const { locale, view } = await load(params);
  if (!view) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('FrontPage');
  const meta = await getTranslations('Metadata');
  const [lead, ...rest] = view.page === 1 ? view.stories : [undefined, ...view.stories];
  const sidebars = buildSidebars({
    content: view.content,
    locale,
    visibility: view.visibility,
    about: view.page === 1 ? view.items[0] : undefined,
    shown: view.items.map((story) => story.slug),
    popular: await popularSlugs(),
  });
  return (
    <PageFrame locale={locale} sections={view.sections} alternates={view.alternates}>
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
          <Pagination basePath={paths.home(locale)} page={view.page} pageCount={view.pageCount} />
        </div>
        <SidebarColumn sidebars={sidebars} />
      </div>
    </PageFrame>
  );
}
