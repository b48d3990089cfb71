import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // Unknown URLs (and every 404 the proxy recognises) render app/global-not-found.tsx on the server.
    globalNotFound: true,
    // Regenerated pages stay in this instance's memory: each instance (and each test server
    // sharing one build) keeps its own cache, and a live edit never rewrites the build output.
    isrFlushToDisk: false,
  },
  images: {
    // Story photos are served from the content folder by app/media; nothing remote.
    localPatterns: [{ pathname: '/media/**' }],
    formats: ['image/avif', 'image/webp'],
    deviceSizes: [640, 828, 1080, 1200, 1920],
  },
};

export default withNextIntl(nextConfig);
