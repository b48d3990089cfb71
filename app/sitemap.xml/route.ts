import { currentSitemapIndexXml } from '@/lib/seo/currentSitemaps';
import { xmlResponse } from '@/lib/seo/sitemapResponse';

// Rendered per request, from renders kept per content (lib/content/perContent.ts): stories appear
// in the sitemaps as soon as they are published.
export const dynamic = 'force-dynamic';

/** The sitemap index: the listing and story child sitemaps (lib/seo/sitemaps.ts). */
export async function GET() {
  return xmlResponse(await currentSitemapIndexXml());
}
