import { describe, expect, it } from 'vitest';
import { cleanQuery, parseSearchRequest, QUERY_LIMITS, queryWords, type RawParams } from './query';
import { runSearch } from './runSearch';
import { contentOf, story } from '../content/testing/stories';

const content = contentOf([
  story('pipeline', { section: 'energy', tags: ['gas'], ru: { title: 'Газопровод открыт', body: 'Газ пошёл в Европу.' }, en: { title: 'Pipeline opens', body: 'Gas flows to Europe.' } }),
]);
const visibility = { now: Date.parse('2026-01-01T00:00:00Z'), includeDrafts: false };

function search(params: RawParams, locale: 'ru' | 'en' = 'ru') {
  const request = parseSearchRequest(params, content.taxonomy, locale);
  return { request, outcome: runSearch(content, locale, request, visibility) };
}

describe('hostile queries', () => {
  it('treats an empty or blank query as no search yet', () => {
    for (const q of [undefined, '', '   ', '\t\n', '\u0000\u0007']) expect(search({ q }).outcome.state, JSON.stringify(q)).toBe('empty');
  });

  it('says there is nothing to look up in punctuation, quotes, metacharacters or stop words alone', () => {
    const queries = ['"', "'", '"""', '.*', '(?:a+)+$', '[', '1; --', '%_\\', '<>', 'и в на'];
    for (const q of queries) expect(search({ q }).outcome.state, q).toBe('noWords');
    expect(search({ q: 'the of and' }, 'en').outcome.state).toBe('noWords');
  });

  it('searches the words around metacharacters and unbalanced quotes as plain words', () => {
    expect(search({ q: '"газопровод' }).outcome.hits.map((h) => h.story.slug)).toEqual(['pipeline']);
    expect(search({ q: "газопровод'; DROP TABLE stories; --" }).outcome.state).toBe('noResults');
    expect(search({ q: "' OR 1=1 --" }).outcome.state).toBe('noResults');
    expect(search({ q: 'газ.*' }).outcome.hits.map((h) => h.story.slug)).toEqual(['pipeline']);
  });

  it('cuts a 10,000-character query to the limit and says so', () => {
    const { request, outcome } = search({ q: 'газопровод '.repeat(1000) });
    expect(Array.from(request.text).length).toBeLessThanOrEqual(QUERY_LIMITS.chars);
    expect(outcome.shortened).toBe(true);
    expect(outcome.state).toBe('results');
  });

  it('looks up at most eight words', () => {
    const { words, shortened } = queryWords('газ нефть вода уголь свет ветер солнце атом торф', 'ru');
    expect(words).toHaveLength(QUERY_LIMITS.terms);
    expect(shortened).toBe(true);
    expect(search({ q: 'газ нефть вода уголь свет ветер солнце атом торф' }).outcome.shortened).toBe(true);
  });

  it('removes control and invisible characters from the query it shows', () => {
    expect(cleanQuery('газ\u0000опровод\u202e\u200b  \r\n Европа').text).toBe('газ опровод Европа');
  });

  it('takes the first of a repeated q and ignores unknown or repeated filters', () => {
    const { request } = search({ q: ['газопровод', 'нефть'], section: ['energy', 'politics'], tag: '__proto__', year: '20xx', sort: 'random' });
    expect(request.text).toBe('газопровод');
    expect(request.filters).toEqual({ section: 'energy', tag: undefined, year: undefined });
    expect(request.sort).toBe('relevance');
  });

  it('rejects a page that is not a page and answers one past the end plainly', () => {
    for (const page of ['0', '-1', 'abc', '1.5', '9999999999999', ['1', '2']]) expect(search({ q: 'газ', page }).request.page, String(page)).toBeUndefined();
    const { outcome } = search({ q: 'газ', page: '999999' });
    expect(outcome.state).toBe('pastEnd');
    expect(outcome.hits).toEqual([]);
  });

  it('counts matches in the other language and suggests a spelling the index knows', () => {
    expect(search({ q: 'pipeline' }).outcome.elsewhere).toEqual([{ locale: 'en', total: 1 }]);
    const { outcome } = search({ q: 'газапрвод европа' });
    expect(outcome.state).toBe('noResults');
    expect(outcome.suggestion).toBe('газопровод европа');
  });
});
