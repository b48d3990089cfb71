import { documentLanguage } from '@/i18n/locales';
import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { headers } from 'next/headers';
import { NotFoundContent } from '@/components/NotFoundContent';
import { PageFrame } from '@/components/PageFrame';
import { SearchDescriptionLink } from '@/components/SearchDescriptionLink';
import { isLocale, routing, type Locale } from '@/i18n/routing';
import { storiesInLocale } from '@/lib/content/queries';
import { getContent } from '@/lib/content/repository';
import { sectionLinks } from '@/lib/content/taxonomy';
import { toTeaser } from '@/lib/content/teasers';
import { currentVisibility } from '@/lib/content/visibility';
import { NOT_FOUND_LOCALE_HEADER, NOT_FOUND_PATH_HEADER } from '@/lib/http/internalHeaders';
import { paths } from '@/lib/paths';
import { queryFromPath } from '@/lib/search/notFoundQuery';
import '@/app/globals.css';

/** Latest stories offered on the 404 page. */
const LATEST_COUNT = 5;

// global-not-found renders outside every layout, so reading headers here keeps the other pages
// static. Every 404 the proxy recognises (unknown locale, story, section, tag or page) is rewritten to a
// path no route matches, which Next renders here on the server, with the status 404.
async function notFoundLocale(): Promise<Locale> {
  const requested = (await headers()).get(NOT_FOUND_LOCALE_HEADER) ?? '';
  return isLocale(requested) ? requested : routing.defaultLocale;
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await notFoundLocale(), namespace: 'NotFound' });
  return { title: t('title'), robots: { index: false } };
}

export default async function GlobalNotFound() {
  const locale = await notFoundLocale();
  setRequestLocale(locale);
  const query = queryFromPath((await headers()).get(NOT_FOUND_PATH_HEADER) ?? '');
  const content = await getContent();
  const latest = storiesInLocale(content, locale, currentVisibility())
    .slice(0, LATEST_COUNT)
    .map((story) => toTeaser(story, locale, content.taxonomy));
  // The other languages' switcher links go to their front pages: the same address would be a 404 there too.
  const homes = Object.fromEntries(routing.locales.map((l) => [l, paths.home(l)])) as Record<Locale, string>;
  return (
    <html {...documentLanguage(locale)}>
      <head>
        <SearchDescriptionLink locale={locale} />
      </head>
      <body className="min-h-screen bg-paper text-ink antialiased">
        <NextIntlClientProvider locale={locale}>
          <PageFrame locale={locale} sections={sectionLinks(content.taxonomy, locale)} alternates={homes}>
            <NotFoundContent query={query} latest={latest} />
          </PageFrame>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
