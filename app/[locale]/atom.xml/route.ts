import { isLocale } from '@/i18n/routing';
import { feedResponse } from '@/lib/feeds/storyFeed';
import { localeFeedXml } from '@/lib/feeds/localeFeed';

export async function GET(_request: Request, { params }: RouteContext<'/[locale]/atom.xml'>) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response('Not found\n', { status: 404 });
  return feedResponse(await localeFeedXml(locale, 'atom'), 'atom');
}
