import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { PageFrame } from '@/components/PageFrame';
import { StoryListing } from '@/components/StoryListing';
import type { Locale } from '@/i18n/routing';
import type { Listing } from '@/lib/content/listings';
import { loadListingView } from '@/lib/content/listingView';
import { parsePageParam } from '@/lib/pagination';
import { listingPageMetadata } from '@/lib/seo/pageMetadata';

/**
 * The archive, section and tag pages, each served at two routes: page 1 at its own path and
 * page N at `{path}/page/N` (where the proxy rewrites `?page=N`), both cached. This module keeps
 * the route files to a few lines each.
 */
type Kind = Exclude<Listing['kind'], 'front'>;
type Params = Promise<{ locale: string; section?: string; tag?: string; page?: string }>;

function listingOf(kind: Kind, params: Awaited<Params>): Listing {
  if (kind === 'section') return { kind, slug: params.section ?? '' };
  if (kind === 'tag') return { kind, slug: params.tag ?? '' };
  return { kind };
}

async function load(kind: Kind, paramsPromise: Params) {
  const params = await paramsPromise;
  const locale = params.locale as Locale;
  const page = parsePageParam(params.page);
  const listing = listingOf(kind, params);
  const view = page ? await loadListingView(locale, listing, page) : undefined;
  // A section or tag that does not exist has no name: a 404 like an unknown page.
  return { locale, listing, view: view && (kind === 'archive' || view.name) ? view : undefined };
}

async function heading(kind: Kind, name: string | undefined): Promise<string> {
  const t = await getTranslations('Listing');
  if (kind === 'section') return t('sectionHeading', { section: name ?? '' });
  if (kind === 'tag') return t('tagHeading', { tag: name ?? '' });
  return t('archiveHeading');
}

export function listingRoute(kind: Kind) {
  return {
    async generateMetadata({ params }: { params: Params }): Promise<Metadata> {
      const { locale, listing, view } = await load(kind, params);
      if (!view) return {};
      const t = await getTranslations({ locale, namespace: 'Metadata' });
      const title = kind === 'archive' ? t('archiveTitle') : view.name;
      const section = listing.kind === 'section' && view.name ? { slug: listing.slug, name: view.name } : undefined;
      return listingPageMetadata(locale, { title, pathFor: (l) => view.alternates[l]!, section });
    },
    async Page({ params }: { params: Params }) {
      const { locale, view } = await load(kind, params);
      if (!view) notFound();
      setRequestLocale(locale);
      return (
        <PageFrame locale={locale} sections={view.sections} alternates={view.alternates}>
          <StoryListing heading={await heading(kind, view.name)} {...view} />
        </PageFrame>
      );
    },
  };
}
