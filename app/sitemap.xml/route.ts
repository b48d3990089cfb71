import { getContent } from '@/lib/content/repository';
import { currentVisibility } from '@/lib/content/visibility';
import { xmlResponse } from '@/lib/seo/sitemapResponse';
import { sitemapIndexXml, sitemapPlan } from '@/lib/seo/sitemaps';

// Rendered per request: stories appear in the sitemaps as soon as they are published.
export const dynamic = 'force-dynamic';

/** The sitemap index: the listing and story child sitemaps (lib/seo/sitemaps.ts). */
export async function GET() {
  return xmlResponse(sitemapIndexXml(sitemapPlan(await getContent(), currentVisibility())));
}
