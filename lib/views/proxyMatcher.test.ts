import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// Next's own matcher compiler, as the build uses it (next is pinned; the compiler is internal, so
// not in Next's type declarations).
import * as staticInfo from 'next/dist/build/analysis/get-page-static-info.js';

type ProxyMatchers = Array<{ regexp: string; has?: unknown[]; missing?: unknown[] }>;
const { getMiddlewareMatchers } = staticInfo as unknown as {
  getMiddlewareMatchers: (matcher: string[], nextConfig: { basePath: string; i18n?: undefined }) => ProxyMatchers;
};

/**
 * proxy.ts's `config.matcher`, read the way Next reads it: statically, from the source (importing
 * proxy.ts would load the whole content layer).
 */
function proxyMatcher(): string[] {
  const source = readFileSync(path.join(import.meta.dirname, '../../proxy.ts'), 'utf8');
  const literal = /matcher:\s*(\[[^\]]*\])/.exec(source)?.[1];
  if (!literal) throw new Error('no matcher in proxy.ts');
  return JSON.parse(literal.replace(/'/g, '"')) as string[];
}

describe('proxy.ts matcher', () => {
  const matchers = getMiddlewareMatchers(proxyMatcher(), { basePath: '' });
  // What the server does with them: the proxy runs when one compiled pattern matches (none of ours
  // has `has`/`missing` conditions, checked below).
  const runsFor = (pathname: string) => matchers.some((matcher) => new RegExp(matcher.regexp).test(pathname));

  it('compiles to plain path patterns, with no header or cookie conditions', () => {
    expect(matchers.length).toBeGreaterThan(0);
    for (const matcher of matchers) expect([matcher.has, matcher.missing]).toEqual([undefined, undefined]);
  });

  it('leaves out exactly /api/views, so Next does not buffer beacon bodies', () => {
    expect(runsFor('/api/views')).toBe(false);
  });

  it('still runs for every other path, so malformed ones get 400', () => {
    for (const pathname of ['/', '/ru', '/ru/news/a', '/api/views/', '/api/views/x', '/api/views/%E0%A4%A', '/api/viewsx', '/api/revalidate', '/media/a/b.jpg', '/robots.txt']) {
      expect(runsFor(pathname), pathname).toBe(true);
    }
    expect(runsFor('/_next/static/chunks/a.js')).toBe(false);
  });
});
