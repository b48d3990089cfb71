import type { MetadataRoute } from 'next';
import { paths } from '@/lib/paths';
import { absoluteUrl } from '@/lib/seo/absolute';

export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/api/'] }],
    // The sitemap index (it names the child sitemaps) and the Google News sitemap.
    sitemap: [absoluteUrl(paths.sitemapIndex()), absoluteUrl(paths.newsSitemap())],
  };
}
