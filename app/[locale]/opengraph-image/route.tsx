import { getTranslations } from 'next-intl/server';
import { OgCard } from '@/components/OgCard';
import { isLocale } from '@/i18n/routing';
import { cardResponse } from '@/lib/og/cardResponse';
import { siteCardFacts } from '@/lib/og/siteCard';

/** The site's default card, for the front page and listings. */
export async function GET(request: Request, { params }: RouteContext<'/[locale]/opengraph-image'>) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response('Not found\n', { status: 404 });
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  const { version, ...facts } = siteCardFacts(locale, t('siteName'), t('siteDescription'));
  return cardResponse(request, `site:${locale}`, version, () => <OgCard {...facts} />);
}
