import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { PageFrame } from '@/components/PageFrame';
import { StoryListing } from '@/components/StoryListing';
import type { Locale } from '@/i18n/routing';
import { listingPagePath, loadListingView } from '@/lib/content/listingView';
import { listingPageMetadata } from '@/lib/seo/pageMetadata';

type Props = PageProps<'/[locale]/archive'>;

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  return listingPageMetadata(locale, { title: t('archiveTitle'), pathFor: listingPagePath({ kind: 'archive' }, (await searchParams).page) });
}

export default async function ArchivePage({ params, searchParams }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const view = await loadListingView(locale, { kind: 'archive' }, (await searchParams).page);
  if (!view) notFound();
  const t = await getTranslations('Listing');
  return (
    <PageFrame locale={locale} sections={view.sections} alternates={view.alternates}>
      <StoryListing heading={t('archiveHeading')} {...view} />
    </PageFrame>
  );
}
