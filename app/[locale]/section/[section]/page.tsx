import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { PageFrame } from '@/components/PageFrame';
import { StoryListing } from '@/components/StoryListing';
import type { Locale } from '@/i18n/routing';
import { listingPage } from '@/lib/content/listings';
import { getContent } from '@/lib/content/repository';
import { sectionLinks, sectionName } from '@/lib/content/taxonomy';
import { toTeaser } from '@/lib/content/teasers';
import { currentVisibility } from '@/lib/content/visibility';
import { paths, withPage } from '@/lib/paths';
import { listingPageMetadata } from '@/lib/seo/pageMetadata';

type Props = PageProps<'/[locale]/section/[section]'>;

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale, section } = (await params) as { locale: Locale; section: string };
  const name = sectionName((await getContent()).taxonomy, section, locale);
  const page = Number((await searchParams).page ?? 1);
  return name ? listingPageMetadata(locale, { title: name, pathFor: (l) => withPage(paths.section(l, section), page), section: { slug: section, name } }) : {};
}

export default async function SectionPage({ params, searchParams }: Props) {
  const { locale, section } = (await params) as { locale: Locale; section: string };
  setRequestLocale(locale);
  const content = await getContent();
  const name = sectionName(content.taxonomy, section, locale);
  const page = listingPage(content, locale, { kind: 'section', slug: section }, (await searchParams).page, currentVisibility());
  if (!name || !page) notFound();
  const t = await getTranslations('Listing');
  return (
    <PageFrame
      locale={locale}
      sections={sectionLinks(content.taxonomy, locale)}
      alternates={{ ru: paths.section('ru', section), en: paths.section('en', section) }}
    >
      <StoryListing
        heading={t('sectionHeading', { section: name })}
        total={page.total}
        stories={page.items.map((story) => toTeaser(story, locale, content.taxonomy))}
        basePath={paths.section(locale, section)}
        page={page.page}
        pageCount={page.pageCount}
      />
    </PageFrame>
  );
}
