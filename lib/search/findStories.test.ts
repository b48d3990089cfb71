import { describe, expect, it } from 'vitest';
import { findStories, recencyFactor } from './findStories';
import { queryWords, type SearchFilters } from './query';
import { buildSearchIndex, searchIndex } from './searchIndex';
import { contentOf, story } from '../content/testing/stories';

const now = Date.parse('2026-01-01T00:00:00Z');
const visibility = { now, includeDrafts: false };

function slugs(stories: ReturnType<typeof story>[], query: string, options: { filters?: SearchFilters; sort?: 'relevance' | 'date'; locale?: 'ru' | 'en'; at?: number } = {}) {
  const locale = options.locale ?? 'ru';
  const index = buildSearchIndex(stories, locale);
  return findStories(index, queryWords(query, locale).words, {
    filters: options.filters ?? {},
    sort: options.sort ?? 'relevance',
    visibility: { ...visibility, now: options.at ?? now },
  }).map((hit) => hit.story.slug);
}

describe('findStories', () => {
  it('ranks a headline match above a body match', () => {
    const stories = [
      story('body', { ru: { title: 'Новости энергетики', body: 'Газопровод построен. Газопровод работает.' } }),
      story('title', { ru: { title: 'Газопровод открыт', body: 'Торжественная церемония прошла в Турции.' } }),
    ];
    expect(slugs(stories, 'газопровод')).toEqual(['title', 'body']);
  });

  it('needs every word, in any form', () => {
    const stories = [
      story('both', { ru: { title: 'Азербайджанский газ пошёл в Европу' } }),
      story('one', { ru: { title: 'Азербайджанские выборы' } }),
    ];
    expect(slugs(stories, 'азербайджанского газа')).toEqual(['both']);
  });

  it('matches the start of the last word only', () => {
    const stories = [story('a', { en: { title: 'Pipeline diplomacy in the Caucasus' } })];
    expect(slugs(stories, 'pipel', { locale: 'en' })).toEqual(['a']);
    expect(slugs(stories, 'pipel caucasus', { locale: 'en' })).toEqual([]);
    expect(slugs(stories, 'caucasus pipel', { locale: 'en' })).toEqual(['a']);
  });

  it('forgives one typo in a word of five letters or more, not in shorter ones', () => {
    const stories = [story('a', { en: { title: 'Sanctions on Russian gas' } })];
    expect(slugs(stories, 'sanktoins', { locale: 'en' })).toEqual([]); // two edits
    expect(slugs(stories, 'sanctoins', { locale: 'en' })).toEqual(['a']); // a transposition is one edit
    expect(slugs(stories, 'sanctins', { locale: 'en' })).toEqual(['a']);
    expect(slugs(stories, 'gaz oil', { locale: 'en' })).toEqual([]);
  });

  it('takes a word the index knows as meant, without typo variants', () => {
    const stories = [story('russia', { ru: { title: 'Россия и Азербайджан' } }), story('growth', { ru: { title: 'Рост экономики' } })];
    expect(slugs(stories, 'Россия')).toEqual(['russia']);
  });

  it('folds «ё» so «ещё»/«еще» and «Пётр»/«Петр» meet', () => {
    const stories = [story('a', { ru: { title: 'Пётр Великий' } })];
    expect(slugs(stories, 'петр')).toEqual(['a']);
  });

  it('never finds a draft, and finds a scheduled story only once it is due', () => {
    const stories = [
      story('draft', { draft: true, ru: { title: 'Газопровод: черновик' } }),
      story('scheduled', { date: '2026-06-01T09:00:00Z', ru: { title: 'Газопровод: будущее' } }),
      story('public', { ru: { title: 'Газопровод: сегодня' } }),
    ];
    expect(slugs(stories, 'газопровод')).toEqual(['public']);
    // The same index, later: no rebuild needed.
    expect(slugs(stories, 'газопровод', { at: Date.parse('2026-06-01T09:00:00Z') }).sort()).toEqual(['public', 'scheduled']);
  });

  it('filters by section, tag and year', () => {
    const stories = [
      story('energy-2018', { section: 'energy', tags: ['gas'], date: '2018-06-12T12:00:00+03:00', ru: { title: 'Газ в Турции' } }),
      story('energy-2022', { section: 'energy', tags: ['gas', 'eu'], date: '2022-07-18T12:00:00+04:00', ru: { title: 'Газ для ЕС' } }),
      story('politics-2022', { section: 'politics', tags: ['eu'], date: '2022-01-01T12:00:00Z', ru: { title: 'Газ и политика' } }),
    ];
    expect(slugs(stories, 'газ', { filters: { section: 'energy' } }).sort()).toEqual(['energy-2018', 'energy-2022']);
    expect(slugs(stories, 'газ', { filters: { tag: 'eu' } }).sort()).toEqual(['energy-2022', 'politics-2022']);
    expect(slugs(stories, 'газ', { filters: { year: 2022, section: 'energy' } })).toEqual(['energy-2022']);
  });

  it('sorts by date when asked, newest first', () => {
    const stories = [
      story('old', { date: '2016-01-01T00:00:00Z', ru: { title: 'Газ газ газ', body: 'Газ.' } }),
      story('new', { date: '2024-01-01T00:00:00Z', ru: { title: 'Новости', body: 'Немного о газе.' } }),
    ];
    expect(slugs(stories, 'газ')).toEqual(['old', 'new']);
    expect(slugs(stories, 'газ', { sort: 'date' })).toEqual(['new', 'old']);
  });

  it('nudges newer stories gently: at most 20 %', () => {
    expect(recencyFactor(now, now)).toBeCloseTo(1.2);
    expect(recencyFactor(now - 730 * 86_400_000, now)).toBeCloseTo(1.1);
    expect(recencyFactor(now + 1000, now)).toBeCloseTo(1.2);
  });
});

describe('searchIndex', () => {
  it('is built once per loaded content and locale, and again for new content', () => {
    const stories = [story('a', { ru: { title: 'Газ' }, en: { title: 'Gas' } })];
    const content = contentOf(stories);
    expect(searchIndex(content, 'ru')).toBe(searchIndex(content, 'ru'));
    expect(searchIndex(content, 'ru')).not.toBe(searchIndex(content, 'en'));
    expect(searchIndex(contentOf(stories), 'ru')).not.toBe(searchIndex(content, 'ru'));
  });

  it('indexes only the versions in its language', () => {
    const index = buildSearchIndex([story('ru-only', { ru: { title: 'Газ' } }), story('both', { ru: { title: 'Газ' }, en: { title: 'Gas' } })], 'en');
    expect(index.stories.map((s) => s.slug)).toEqual(['both']);
  });
});
