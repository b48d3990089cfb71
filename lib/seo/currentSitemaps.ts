import { keptPerContent } from '../content/perContent';
import { getContent } from '../content/repository';
import { currentVisibility } from '../content/visibility';
import { findSitemapChild, sitemapChildXml, sitemapIndexXml, sitemapPlan } from './sitemaps';

// The sitemaps of the content served now. The plan (which story goes in which child) and each
// document are made once per content (lib/content/perContent.ts), shared by the index and its
// children, so a crawler walking all of them at 10,000 stories does not plan the archive per request.

async function currentPlan() {
  const content = await getContent();
  const visibility = currentVisibility();
  return { content, now: visibility.now, plan: keptPerContent(content, 'sitemap-plan', visibility.now, () => sitemapPlan(content, visibility)) };
}

/** The sitemap index. */
export async function currentSitemapIndexXml(): Promise<string> {
  const { content, now, plan } = await currentPlan();
  return keptPerContent(content, 'sitemap-index', now, () => sitemapIndexXml(plan));
}

/** The child sitemap the index names `name`, or undefined for any other name. */
export async function currentSitemapChildXml(name: string): Promise<string | undefined> {
  const { content, now, plan } = await currentPlan();
  const child = findSitemapChild(plan, name);
  return child && keptPerContent(content, `sitemap:${child.name}`, now, () => sitemapChildXml(child));
}
