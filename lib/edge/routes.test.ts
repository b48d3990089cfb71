import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../content/load';
import { makeContent, md } from '../content/testing/contentFixture';
import type { LoadedContent } from '../content/types';
import { routeExists } from './routes';

const NOW = { now: Date.parse('2026-12-01T00:00:00Z'), includeDrafts: false };
let content: LoadedContent;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const made = await makeContent({
    'news/vote/ru.md': md('title: Выборы\ndate: 2026-11-01T10:00:00+03:00\nsection: politics\ntags: [armenia]'),
    'news/vote/en.md': md('title: Vote'),
    'news/later/ru.md': md('title: Позже\ndate: 2027-01-01T10:00:00+03:00\nsection: politics'),
  });
  cleanup = made.cleanup;
  content = await loadContent(made.root);
});
afterAll(() => cleanup());

const exists = (pathAndQuery: string) => {
  const url = new URL(pathAndQuery, 'http://x');
  return routeExists(url.pathname, url.searchParams, content, NOW);
};

describe('routeExists (the proxy’s question, answered from the route table)', () => {
  it('knows the pages and files of every language', () => {
    for (const path of ['/ru', '/en', '/ru/archive', '/en/search?q=vote', '/ru/feed.xml', '/en/atom.xml', '/ru/opensearch.xml', '/en/opengraph-image']) {
      expect(exists(path), path).toBe(true);
    }
  });

  it('asks the content for stories, sections, tags and listing pages', () => {
    expect(exists('/ru/news/vote')).toBe(true);
    expect(exists('/en/news/vote/opengraph-image')).toBe(true);
    expect(exists('/ru/news/later')).toBe(false);
    expect(exists('/ru/news/no-such-story')).toBe(false);
    expect(exists('/ru/section/politics')).toBe(true);
    expect(exists('/ru/section/politics/feed.xml')).toBe(true);
    expect(exists('/ru/section/sport')).toBe(false);
    expect(exists('/ru/section/sport/feed.xml')).toBe(false);
    expect(exists('/en/tag/armenia')).toBe(true);
    expect(exists('/en/tag/no-such-tag')).toBe(false);
    expect(exists('/ru/archive?page=99')).toBe(false);
    expect(exists('/ru/search?page=abc')).toBe(false);
  });

  it('answers 404 for a rewrite target asked for directly, an unknown path and an unknown language', () => {
    expect(exists('/ru/page/2')).toBe(false);
    expect(exists('/ru/section/politics/page/2')).toBe(false);
    expect(exists('/ru/news/vote/comments')).toBe(false);
    expect(exists('/de/news/vote')).toBe(false);
  });
});
