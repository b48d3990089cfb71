import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { PageFrame } from '@/components/PageFrame';
import { StoryListing } from '@/components/StoryListing';
import type { Locale } from '@/i18n/routing';
import { listingName, listingPagePath, loadListingView } from '@/lib/content/listingView';
import { listingPageMetadata } from '@/lib/seo/pageMetadata';

type Props = PageProps<'/[locale]/section/[section]'>;

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale, section } = (await params) as { locale: Locale; section: string };
  const listing = { kind: 'section', slug: section } as const;
  const name = await listingName(listing, locale);
  const pathFor = listingPagePath(listing, (await searchParams).page);
  return name ? listingPageMetadata(locale, { title: name, pathFor, section: { slug: section, name } }) : {};
}

export default async function SectionPage({ params, searchParams }: Props) {
  const { locale, section } = (await params) as { locale: Locale; section: string };
  setRequestLocale(locale);
  const view = await loadListingView(locale, { kind: 'section', slug: section }, (await searchParams).page);
  if (!view?.name) notFound();
  const t = await getTranslations('Listing');
  return (
    <PageFrame locale={locale} sections={view.sections} alternates={view.alternates}>
      <StoryListing heading={t('sectionHeading', { section: view.name })} {...view} />
    </PageFrame>
  );
}
