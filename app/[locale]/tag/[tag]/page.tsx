import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { PageFrame } from '@/components/PageFrame';
import { StoryListing } from '@/components/StoryListing';
import type { Locale } from '@/i18n/routing';
import { listingName, listingPagePath, loadListingView } from '@/lib/content/listingView';
import { listingPageMetadata } from '@/lib/seo/pageMetadata';

type Props = PageProps<'/[locale]/tag/[tag]'>;

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale, tag } = (await params) as { locale: Locale; tag: string };
  const listing = { kind: 'tag', slug: tag } as const;
  const name = await listingName(listing, locale);
  return name ? listingPageMetadata(locale, { title: name, pathFor: listingPagePath(listing, (await searchParams).page) }) : {};
}

export default async function TagPage({ params, searchParams }: Props) {
  const { locale, tag } = (await params) as { locale: Locale; tag: string };
  setRequestLocale(locale);
  const view = await loadListingView(locale, { kind: 'tag', slug: tag }, (await searchParams).page);
  if (!view?.name) notFound();
  const t = await getTranslations('Listing');
  return (
    <PageFrame locale={locale} sections={view.sections} alternates={view.alternates}>
      <StoryListing heading={t('tagHeading', { tag: view.name })} {...view} />
    </PageFrame>
  );
}
