import { getTranslations } from 'next-intl/server';
import { routing, type Locale } from '@/i18n/routing';
import { getContent } from '@/lib/content/repository';
import { currentVisibility } from '@/lib/content/visibility';
import { newsSitemapXml } from '@/lib/seo/newsSitemap';
import { xmlResponse } from '@/lib/seo/sitemapResponse';

export async function GET() {
  const names = Object.fromEntries(
    await Promise.all(routing.locales.map(async (locale) => [locale, (await getTranslations({ locale, namespace: 'Metadata' }))('siteName')])),
  ) as Record<Locale, string>;
  const xml = newsSitemapXml(await getContent(), currentVisibility(), (locale) => names[locale as Locale]);
  return xmlResponse(xml, { 'cache-control': 'public, max-age=300' });
}
