import type { Metadata } from 'next';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { SearchDescriptionLink } from '@/components/SearchDescriptionLink';
import { documentLanguage } from '@/i18n/locales';
import { routing } from '@/i18n/routing';
import { siteOrigin } from '@/lib/site';
import '@/app/globals.css';

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: LayoutProps<'/[locale]'>): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  return {
    metadataBase: new URL(siteOrigin()),
    title: { default: t('siteName'), template: `%s — ${t('siteName')}` },
    description: t('siteDescription'),
  };
}

export default async function LocaleLayout({ children, params }: LayoutProps<'/[locale]'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return (
    <html {...documentLanguage(locale)}>
      <head>
        <SearchDescriptionLink locale={locale} />
      </head>
      <body className="min-h-screen bg-paper text-ink antialiased">{children as ReactNode}</body>
    </html>
  );
}
