import { getTranslations } from 'next-intl/server';
import { routing, type Locale } from '@/i18n/routing';
import { keptPerContent } from '@/lib/content/perContent';
import { getContent } from '@/lib/content/repository';
import { currentVisibility } from '@/lib/content/visibility';
import { newsSitemapXml } from '@/lib/seo/newsSitemap';
import { xmlResponse } from '@/lib/seo/sitemapResponse';

export async function GET() {
  const names = Object.fromEntries(
    await Promise.all(routing.locales.map(async (locale) => [locale, (await getTranslations({ locale, namespace: 'Metadata' }))('siteName')])),
  ) as Record<Locale, string>;
  const content = await getContent();
  const visibility = currentVisibility();
  // Its window (the last two days) moves with the clock alone: kept for a minute at most.
  const xml = keptPerContent(content, 'news-sitemap', visibility.now, () => newsSitemapXml(content, visibility, (locale) => names[locale] ?? locale), 60_000);
  return xmlResponse(xml, { 'cache-control': 'public, max-age=300' });
}
