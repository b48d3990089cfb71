import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { PageFrame } from '@/components/PageFrame';
import { SearchPageContent } from '@/components/SearchPageContent';
import type { Locale } from '@/i18n/routing';
import { cleanQuery } from '@/lib/search/query';
import { loadSearchView } from '@/lib/search/searchView';

type Props = PageProps<'/[locale]/search'>;

// Result pages are for readers, not for search engines' indexes.
export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'Search' });
  const { q } = await searchParams;
  const { text } = cleanQuery(Array.isArray(q) ? q[0] : q);
  return { title: text ? t('metaTitleWithQuery', { query: text }) : t('metaTitle'), robots: { index: false } };
}

export default async function SearchPage({ params, searchParams }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const view = await loadSearchView(locale, await searchParams);
  if (!view) notFound();
  return (
    <PageFrame locale={locale} sections={view.sections} alternates={view.alternates}>
      <SearchPageContent locale={locale} view={view} />
    </PageFrame>
  );
}
