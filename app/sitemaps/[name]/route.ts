import { keptPerContent } from '@/lib/content/perContent';
import { getContent } from '@/lib/content/repository';
import { currentVisibility } from '@/lib/content/visibility';
import { notFoundResponse, xmlResponse } from '@/lib/seo/sitemapResponse';
import { findSitemapChild, sitemapChildXml, sitemapPlan } from '@/lib/seo/sitemaps';

// Rendered per request, from renders kept per content (lib/content/perContent.ts): stories appear
// in the sitemaps as soon as they are published.
export const dynamic = 'force-dynamic';

/** A child sitemap named by the index (`listings-1.xml`, `stories-1.xml`, …); any other name is a 404. */
export async function GET(_request: Request, { params }: RouteContext<'/sitemaps/[name]'>) {
  const { name } = await params;
  const content = await getContent();
  const visibility = currentVisibility();
  const plan = keptPerContent(content, 'sitemap-plan', visibility.now, () => sitemapPlan(content, visibility));
  const child = findSitemapChild(plan, name);
  return child ? xmlResponse(keptPerContent(content, `sitemap:${child.name}`, visibility.now, () => sitemapChildXml(child))) : notFoundResponse();
}
