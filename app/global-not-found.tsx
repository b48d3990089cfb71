import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { headers } from 'next/headers';
import { fontVariables } from '@/app/fonts';
import { NotFoundContent } from '@/components/NotFoundContent';
import { isLocale, routing } from '@/i18n/routing';
import { NOT_FOUND_LOCALE_HEADER } from '@/lib/negotiateLocale';
import '@/app/globals.css';

// global-not-found renders outside every layout, so reading headers here keeps the other pages
// static. Every 404 the proxy recognises (unknown locale, story, section, tag or page) is rewritten to a
// path no route matches, which Next renders here on the server, with the status 404.
async function notFoundLocale() {
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
  return (
    <html lang={locale} className={fontVariables}>
      <body className="min-h-screen bg-paper text-ink antialiased">
        <NextIntlClientProvider locale={locale}>
          <main id="content">
            <NotFoundContent />
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
