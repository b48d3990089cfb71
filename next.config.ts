import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { IMAGE_CONTENT_SECURITY_POLICY, securityHeaders } from './lib/security/securityHeaders';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const nextConfig: NextConfig = {
  // The e2e suite builds the fixture content into its own folder, so it never replaces the
  // build that `npm start` serves (scripts/test-all.sh).
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  // scripts/server.mjs compresses, after it has hashed each page's inline scripts for the CSP
  // (Next would compress first, below where the server can read the HTML).
  compress: false,
  // Every response, whatever answers it (pages, route handlers, the proxy's 404 rewrites and 400s,
  // /_next/static, /_next/image): config headers are applied before routing (docs/security.md).
  // '/(.*)' rather than '/:path*': it also matches '//x', whose 308 would otherwise go out bare.
  async headers() {
    return [{ source: '/(.*)', headers: securityHeaders({ dev: process.env.NODE_ENV === 'development' }) }];
  },
  reactStrictMode: true,
  experimental: {
    // The stylesheet (about 9 KB compressed) goes into the page's <head>: no render-blocking
    // request before the first paint on a slow connection (style-src allows inline styles).
    inlineCss: true,
    // Unknown URLs (and every 404 the proxy recognises) render app/global-not-found.tsx on the server.
    globalNotFound: true,
    // Regenerated pages stay in this instance's memory: each instance (and each test server
    // sharing one build) keeps its own cache, and a live edit never rewrites the build output.
    isrFlushToDisk: false,
    // Next buffers the body of every request the proxy runs on; no route it covers takes more
    // than 64 KB (POST /api/revalidate with a list of folders), so a flood cannot make it hold 10 MB.
    proxyClientMaxBodySize: '64kb',
  },
  images: {
    // No next/image is left: story photos are resized and cached on disk by our media route
    // (lib/media, docs/images.md), since with isrFlushToDisk off Next's optimizer caches nothing
    // and encodes on every request. Unoptimized, /_next/image answers 404 without decoding.
    unoptimized: true,
    // Should the optimizer come back: local photos only, nothing remote.
    localPatterns: [{ pathname: '/media/**' }],
    // Next sends this instead of the site policy on optimized images.
    contentSecurityPolicy: IMAGE_CONTENT_SECURITY_POLICY,
  },
};

export default withNextIntl(nextConfig);
