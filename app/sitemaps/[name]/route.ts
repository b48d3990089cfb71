import { currentSitemapChildXml } from '@/lib/seo/currentSitemaps';
import { notFoundResponse, xmlResponse } from '@/lib/seo/sitemapResponse';

// Rendered per request, from renders kept per content (lib/content/perContent.ts): stories appear
// in the sitemaps as soon as they are published.
export const dynamic = 'force-dynamic';

/** A child sitemap named by the index (`listings-1.xml`, `stories-1.xml`, …); any other name is a 404. */
export async function GET(_request: Request, { params }: RouteContext<'/sitemaps/[name]'>) {
  const xml = await currentSitemapChildXml((await params).name);
  return xml === undefined ? notFoundResponse() : xmlResponse(xml);
}
