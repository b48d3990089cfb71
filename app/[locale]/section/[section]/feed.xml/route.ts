import { isLocale } from '@/i18n/routing';
import { sectionFeedXml } from '@/lib/feeds/sectionFeed';
import { feedResponse } from '@/lib/feeds/storyFeed';

export async function GET(_request: Request, { params }: RouteContext<'/[locale]/section/[section]/feed.xml'>) {
  const { locale, section } = await params;
  const xml = isLocale(locale) ? await sectionFeedXml(locale, section) : undefined;
  return xml === undefined ? new Response('Not found\n', { status: 404 }) : feedResponse(xml, 'rss');
}
