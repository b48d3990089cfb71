import { describe, expect, it } from 'vitest';
import { listingRewrite } from './listingRewrite';

const rewrite = (url: string) => {
  const parsed = new URL(url, 'http://site');
  return listingRewrite(parsed.pathname, parsed.searchParams);
};

describe('listingRewrite', () => {
  it('sends later pages of every listing to a cacheable path', () => {
    expect(rewrite('/ru?page=2')).toBe('/ru/page/2');
    expect(rewrite('/en/archive?page=12')).toBe('/en/archive/page/12');
    expect(rewrite('/ru/section/politics?page=3')).toBe('/ru/section/politics/page/3');
    expect(rewrite('/en/tag/eu?page=2')).toBe('/en/tag/eu/page/2');
  });

  it('leaves page 1, other pages and malformed numbers alone (the route check 404s those)', () => {
    expect(rewrite('/ru')).toBeUndefined();
    expect(rewrite('/ru?page=1')).toBeUndefined();
    expect(rewrite('/ru?page=0')).toBeUndefined();
    expect(rewrite('/ru?page=2&page=3')).toBeUndefined();
    expect(rewrite('/ru/news/some-story?page=2')).toBeUndefined();
    expect(rewrite('/ru/search?q=x&page=2')).toBeUndefined();
  });
});
