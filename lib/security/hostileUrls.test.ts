import { describe, expect, it } from 'vitest';
import { CATEGORIES, hostileUrls, QUOTAS } from '../../e2e/fuzz/hostileUrls';

// The generator of the URL fuzz (e2e/url-fuzz.spec.ts) lives beside the spec; it is tested here,
// where Vitest looks, since Playwright would take a *.test.ts under e2e/ for one of its own.
describe('hostileUrls', () => {
  const urls = hostileUrls();

  it('yields at least 10,000 unique request targets', () => {
    expect(urls.length).toBeGreaterThanOrEqual(10_000);
    expect(new Set(urls.map((u) => u.target)).size).toBe(urls.length);
  });

  it('covers every category to its quota', () => {
    for (const category of CATEGORIES) {
      expect(urls.filter((u) => u.category === category).length, category).toBe(QUOTAS[category]);
    }
  });

  it('is the same list for the same seed, and another for another seed', () => {
    expect(hostileUrls().map((u) => u.target)).toEqual(urls.map((u) => u.target));
    expect(hostileUrls(7).map((u) => u.target)).not.toEqual(urls.map((u) => u.target));
  });

  it('sends what each category promises', () => {
    const of = (category: string) => urls.filter((u) => u.category === category).map((u) => u.target);
    expect(urls.every((u) => [...u.target].every((char) => char.charCodeAt(0) <= 0xff))).toBe(true);
    expect(of('nul-crlf').some((t) => t.includes('\r\n'))).toBe(true);
    expect(of('nul-crlf').some((t) => t.includes('%00'))).toBe(true);
    expect(of('double-encoded').every((t) => t.includes('%25'))).toBe(true);
    expect(of('backslash').every((t) => t.includes('\\'))).toBe(true);
    expect(of('open-redirect').some((t) => t.startsWith('//evil.example'))).toBe(true);
    expect(of('huge').every((t) => t.length > 1024)).toBe(true);
    expect(of('next-image').every((t) => t.startsWith('/_next/image?'))).toBe(true);
    expect(of('media').every((t) => t.startsWith('/media/'))).toBe(true);
    expect(of('bad-page').every((t) => /[?&](page|PAGE)/.test(t))).toBe(true);
    expect(of('bad-encoding').some((t) => /[\u0080-\u00ff]/.test(t))).toBe(true);
  });
});
