import { describe, expect, it } from 'vitest';
import { withPage } from '../paths';
import { isSearchPath } from './http';
import { openSearchXml } from './openSearch';
import { searchPath } from './searchPath';

describe('searchPath', () => {
  it('encodes the query and filters, leaving out defaults', () => {
    expect(searchPath('ru', { q: 'газ & нефть' })).toBe('/ru/search?q=%D0%B3%D0%B0%D0%B7+%26+%D0%BD%D0%B5%D1%84%D1%82%D1%8C');
    expect(searchPath('en', { q: 'gas', filters: { section: 'energy', tag: 'eu', year: 2022 }, sort: 'date' })).toBe('/en/search?q=gas&section=energy&tag=eu&year=2022&sort=date');
    expect(searchPath('en', { q: '' })).toBe('/en/search');
  });

  it('takes a page after its query', () => {
    expect(withPage(searchPath('en', { q: 'gas' }), 2)).toBe('/en/search?q=gas&page=2');
    expect(withPage('/en/archive', 2)).toBe('/en/archive?page=2');
  });

  it('knows the search page among paths', () => {
    expect(isSearchPath('/ru/search')).toBe(true);
    expect(isSearchPath('/ru/news/search')).toBe(false);
  });
});

describe('openSearchXml', () => {
  it('describes the search URL of a locale, escaped', () => {
    const xml = openSearchXml('ru', { shortName: 'Обозрение ЮК и ещё много слов', longName: 'A & B', description: '<desc>' });
    expect(xml).toContain('<ShortName>Обозрение ЮК и е</ShortName>');
    expect(xml).toContain('<LongName>A &amp; B</LongName>');
    expect(xml).toContain('<Description>&lt;desc&gt;</Description>');
    expect(xml).toMatch(/<Url type="text\/html" method="get" template="http[^"]+\/ru\/search\?q=\{searchTerms\}"\/>/);
  });
});
