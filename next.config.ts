import path from 'node:path';
import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { runtimeEnvironment, settings } from './lib/config/settings';
import { IMAGE_CONTENT_SECURITY_POLICY, securityHeaders } from './lib/security/securityHeaders';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/**
 * Next's page cache. PAGE_CACHE=redis (experimental, docs/operations.md): in Redis (REDIS_URL),
 * shared by every instance. Unset (or `memory`): each instance's memory, Next's default cache
 * with its entries stamped when their render began (lib/cache/renderStarts.mjs says why).
 * Loaded by Next at runtime by absolute path, outside the bundler. next.config.ts is compiled to
 * CommonJS (import.meta.dirname becomes __dirname, the project folder).
 */
function pageCacheConfig(): Pick<NextConfig, 'cacheHandler' | 'cacheMaxMemorySize'> {
  const handler = (file: string) => path.join(import.meta.dirname ?? process.cwd(), 'lib/cache', file);
  // settings() stops the build with a line per bad setting (PAGE_CACHE=redis without REDIS_URL too).
  if (settings().pageCache === 'memory') return { cacheHandler: handler('memoryCacheHandler.mjs') };
  return {
    cacheHandler: handler('redisCacheHandler.mjs'),
    // No copy in this process's memory: every read goes to Redis, so all instances agree.
    cacheMaxMemorySize: 0,
  };
}

const nextConfig: NextConfig = {
  // The e2e suite builds the fixture content into its own folder, so it never replaces the
  // build that `npm start` serves (scripts/test-all.sh).
  distDir: settings().nextDistDir,
  poweredByHeader: false,
  // Next hashes every page it sends (FNV-1a over the whole HTML string) for its ETag: 27% of the
  // server's CPU on a cached story page (a --cpu-prof of bench:origin's load, docs/request-path.md).
  // scripts/server/heldAnswers.ts sets the ETag instead from the hash it already takes of each
  // page, and answers If-None-Match with 304.
  generateEtags: false,
  // Inlined into the server bundles at build time: /api/health says which Node.js built the site
  // beside the one serving it (both must be the supported major, scripts/runtime/supportedNode.mjs).
  env: { BUILT_WITH_NODE: process.version },
  // The server compresses every answer once, after it has left Next's client runtime out of each
  // page (scripts/server/heldAnswers.ts): Next would compress first, below where it can read the HTML.
  compress: false,
  // Every response, whatever answers it (pages, route handlers, the proxy's 404 rewrites and 400s,
  // /_next/static, /_next/image): config headers are applied before routing (docs/security.md).
  // '/(.*)' rather than '/:path*': it also matches '//x', whose 308 would otherwise go out bare.
  async headers() {
    return [{ source: '/(.*)', headers: securityHeaders({ dev: runtimeEnvironment.development() }) }];
  },
  reactStrictMode: true,
  // A native addon that picks its binary by platform at run time: loaded by Node, not bundled.
  serverExternalPackages: ['@parcel/watcher'],
  ...pageCacheConfig(),
  experimental: {
    // The stylesheet (about 9 KB compressed) goes into the page's <head>: no render-blocking
    // request before the first paint on a slow connection (style-src allows inline styles).
    inlineCss: true,
    // Unknown URLs (and every 404 the proxy recognises) render app/global-not-found.tsx on the server.
    globalNotFound: true,
    // Regenerated pages stay in this instance's memory (in Redis with PAGE_CACHE=redis, above):
    // each instance (and each test server sharing one build) keeps its own cache, and a live edit
    // never rewrites the build output.
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
