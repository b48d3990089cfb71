import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it, vi } from 'vitest';
import { contentOf, story } from '../content/testing/stories';

// The routes read the process's content; here, three stories.
vi.mock('../content/repository', () => ({
  getContent: async () =>
    contentOf([
      story('first', { date: '2020-01-01T12:00:00+03:00', ru: { title: 'Первый' }, en: { title: 'First' } }),
      story('second', { date: '2020-01-02T12:00:00Z', en: { title: 'Second' } }),
      story('scheduled', { date: '2999-01-01T12:00:00Z', ru: { title: 'Потом' } }),
    ]),
}));

const { GET: index } = await import('../../app/sitemap.xml/route');
const { GET: child } = await import('../../app/sitemaps/[name]/route');

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' || name === 'sitemap' });
const childResponse = (name: string) => child(new Request(`http://localhost/sitemaps/${encodeURIComponent(name)}`), { params: Promise.resolve({ name }) });

describe('sitemap routes', () => {
  it('/sitemap.xml is an index of the children, as XML', async () => {
    const response = await index();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const locs = (xml.parse(await response.text()).sitemapindex.sitemap as Array<{ loc: string }>).map((s) => new URL(s.loc).pathname);
    expect(locs).toEqual(['/sitemaps/listings-1.xml', '/sitemaps/stories-1.xml']);
  });

  it('a child the index names answers its URLs', async () => {
    const response = await childResponse('stories-1.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const locs = (xml.parse(await response.text()).urlset.url as Array<{ loc: string }>).map((u) => new URL(u.loc).pathname);
    expect(locs).toEqual(['/ru/news/first', '/en/news/first', '/en/news/second']);
  });

  it('any other name answers 404, not 500', async () => {
    for (const name of ['stories-0.xml', 'stories-01.xml', 'stories-2.xml', 'stories-99999999999.xml', 'listings-2.xml', '../x', 'sitemap.xml', '%00', '']) {
      const response = await childResponse(name);
      expect(response.status, name).toBe(404);
      expect(await response.text()).toBe('Not found\n');
    }
  });
});
