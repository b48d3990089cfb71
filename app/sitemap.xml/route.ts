import { keptPerContent } from '@/lib/content/perContent';
import { getContent } from '@/lib/content/repository';
import { currentVisibility } from '@/lib/content/visibility';
import { xmlResponse } from '@/lib/seo/sitemapResponse';
import { sitemapIndexXml, sitemapPlan } from '@/lib/seo/sitemaps';

// Rendered per request, from renders kept per content (lib/content/perContent.ts): stories appear
// in the sitemaps as soon as they are published.
export const dynamic = 'force-dynamic';

/** The sitemap index: the listing and story child sitemaps (lib/seo/sitemaps.ts). */
export async function GET() {
  const content = await getContent();
  const visibility = currentVisibility();
  const plan = keptPerContent(content, 'sitemap-plan', visibility.now, () => sitemapPlan(content, visibility));
  return xmlResponse(keptPerContent(content, 'sitemap-index', visibility.now, () => sitemapIndexXml(plan)));
}
