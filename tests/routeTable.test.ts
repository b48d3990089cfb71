import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALIZED_ROUTES, PUBLIC_FILES, ROOT_FILES, UNLOCALIZED_PREFIXES, UNLOCALIZED_ROUTES } from '../lib/edge/routes';

const root = path.join(import.meta.dirname, '..');

/** Every route app/ defines, as a pattern: folders of page.tsx and route handlers, and metadata files. */
function appRoutes(dir = path.join(root, 'app'), prefix: string[] = []): string[] {
  const routes: string[] = [];
  const metadata: Record<string, string> = { 'robots.ts': 'robots.txt', 'sitemap.ts': 'sitemap.xml', 'manifest.ts': 'manifest.webmanifest' };
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      // (group) and _private folders add no segment / no route.
      if (name.startsWith('_')) continue;
      routes.push(...appRoutes(file, /^\(.*\)$/.test(name) ? prefix : [...prefix, name]));
    } else if (/^(page|route)\.(tsx?|jsx?)$/.test(name)) routes.push(prefix.join('/'));
    else if (prefix.length === 0 && metadata[name]) routes.push(metadata[name]!);
    else if (prefix.length === 0 && /^(icon|apple-icon|favicon)\./.test(name)) routes.push(name);
  }
  return routes;
}

describe('the route table (lib/edge/routes.ts)', () => {
  it('declares exactly the routes app/ defines, so a new route is one entry away from existing', () => {
    const declared = [...LOCALIZED_ROUTES.map(({ pattern }) => (pattern ? `[locale]/${pattern}` : '[locale]')), ...UNLOCALIZED_ROUTES].sort();
    expect(declared).toEqual(appRoutes().sort());
  });

  it('marks as a handler exactly the routes app/ answers with route.ts (passed on without next-intl)', () => {
    const handlers = LOCALIZED_ROUTES.filter((route) => route.handler).map((route) => route.pattern);
    const withRouteFile = LOCALIZED_ROUTES.map((route) => route.pattern).filter((pattern) =>
      readdirSync(path.join(root, 'app', '[locale]', pattern)).some((name) => /^route\.(tsx?|jsx?)$/.test(name)),
    );
    expect(handlers.sort()).toEqual(withRouteFile.sort());
    expect(handlers).toContain('news/[slug]/updates');
  });

  it('lists public/ as it is', () => {
    expect([...PUBLIC_FILES].sort()).toEqual(readdirSync(path.join(root, 'public')).sort());
  });

  it('derives the proxy’s root files and unlocalized prefixes from it', () => {
    expect([...ROOT_FILES].sort()).toEqual(['icon.svg', 'live-updates.js', 'logo.png', 'news-sitemap.xml', 'robots.txt', 'sitemap.xml', 'view-beacon.js']);
    expect([...UNLOCALIZED_PREFIXES].sort()).toEqual(['_next', 'api', 'media', 'sitemaps']);
  });
});
