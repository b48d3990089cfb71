import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { PageFrame } from '@/components/PageFrame';
import { StoryListing } from '@/components/StoryListing';
import type { Locale } from '@/i18n/routing';
import { listingPage } from '@/lib/content/listings';
import { getContent } from '@/lib/content/repository';
import { sectionLinks } from '@/lib/content/taxonomy';
import { toTeaser } from '@/lib/content/teasers';
import { currentVisibility } from '@/lib/content/visibility';
import { paths, withPage } from '@/lib/paths';
import { listingPageMetadata } from '@/lib/seo/pageMetadata';

type Props = PageProps<'/[locale]/archive'>;

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  const page = Number((await searchParams).page ?? 1);
  return listingPageMetadata(locale, { title: t('archiveTitle'), pathFor: (l) => withPage(paths.archive(l), page) });
}

export default async function ArchivePage({ params, searchParams }: Props) {
  const { locale } = (await params) as { locale: Locale };
  setRequestLocale(locale);
  const content = await getContent();
  const page = listingPage(content, locale, { kind: 'archive' }, (await searchParams).page, currentVisibility());
  if (!page) notFound();
  const t = await getTranslations('Listing');
  return (
    <PageFrame locale={locale} sections={sectionLinks(content.taxonomy, locale)} alternates={{ ru: paths.archive('ru'), en: paths.archive('en') }}>
      <StoryListing
        heading={t('archiveHeading')}
        total={page.total}
        stories={page.items.map((story) => toTeaser(story, locale, content.taxonomy))}
        basePath={paths.archive(locale)}
        page={page.page}
        pageCount={page.pageCount}
      />
    </PageFrame>
  );
}
