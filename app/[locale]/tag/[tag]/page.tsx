import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { PageFrame } from '@/components/PageFrame';
import { StoryListing } from '@/components/StoryListing';
import type { Locale } from '@/i18n/routing';
import { listingPage } from '@/lib/content/listings';
import { getContent } from '@/lib/content/repository';
import { sectionLinks, tagName } from '@/lib/content/taxonomy';
import { toTeaser } from '@/lib/content/teasers';
import { currentVisibility } from '@/lib/content/visibility';
import { paths, withPage } from '@/lib/paths';
import { listingPageMetadata } from '@/lib/seo/pageMetadata';

type Props = PageProps<'/[locale]/tag/[tag]'>;

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale, tag } = (await params) as { locale: Locale; tag: string };
  const name = tagName((await getContent()).taxonomy, tag, locale);
  const page = Number((await searchParams).page ?? 1);
  return name ? listingPageMetadata(locale, { title: name, pathFor: (l) => withPage(paths.tag(l, tag), page) }) : {};
}

export default async function TagPage({ params, searchParams }: Props) {
  const { locale, tag } = (await params) as { locale: Locale; tag: string };
  setRequestLocale(locale);
  const content = await getContent();
  const name = tagName(content.taxonomy, tag, locale);
  const page = listingPage(content, locale, { kind: 'tag', slug: tag }, (await searchParams).page, currentVisibility());
  if (!name || !page) notFound();
  const t = await getTranslations('Listing');
  return (
    <PageFrame
      locale={locale}
      sections={sectionLinks(content.taxonomy, locale)}
      alternates={{ ru: paths.tag('ru', tag), en: paths.tag('en', tag) }}
    >
      <StoryListing
        heading={t('tagHeading', { tag: name })}
        total={page.total}
        stories={page.items.map((story) => toTeaser(story, locale, content.taxonomy))}
        basePath={paths.tag(locale, tag)}
        page={page.page}
        pageCount={page.pageCount}
      />
    </PageFrame>
  );
}
