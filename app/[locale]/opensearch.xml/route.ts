import { getTranslations } from 'next-intl/server';
import { isLocale } from '@/i18n/routing';
import { openSearchXml } from '@/lib/search/openSearch';
import { OPENSEARCH_CONTENT_TYPE } from '@/lib/search/searchPath';

export async function GET(_request: Request, { params }: RouteContext<'/[locale]/opensearch.xml'>) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response('Not found\n', { status: 404 });
  const t = await getTranslations({ locale, namespace: 'Search' });
  const meta = await getTranslations({ locale, namespace: 'Metadata' });
  const xml = openSearchXml(locale, { shortName: t('openSearchShortName'), longName: meta('siteName'), description: t('openSearchDescription') });
  return new Response(xml, { headers: { 'content-type': `${OPENSEARCH_CONTENT_TYPE}; charset=utf-8`, 'cache-control': 'public, max-age=86400' } });
}
