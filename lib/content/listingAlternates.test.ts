import { describe, expect, it } from 'vitest';
import { listingAlternates } from './listingView';
import type { LoadedContent, Story } from './types';

function story(slug: string, locales: Array<'ru' | 'en'>, day: number): Story {
  const date = new Date(Date.UTC(2020, 0, day)).toISOString();
  const versions = Object.fromEntries(
    locales.map((locale) => [locale, { locale, title: slug, summary: '', bodyHtml: '', bodyText: '', wordCount: 1, draft: false }]),
  ) as Story['versions'];
  return { slug, date, localDate: date.slice(0, 10), published: Date.parse(date), section: 'politics', tags: ['eu'], related: [], draft: false, original: locales[0]!, versions };
}

// 25 Russian stories (3 archive pages of 10), 12 of them also in English (2 pages), none in Armenian.
const stories = Array.from({ length: 25 }, (_, i) => story(`s${i}`, i < 12 ? ['ru', 'en'] : ['ru'], i + 1));
const content: LoadedContent = {
  stories: new Map(stories.map((s) => [s.slug, s])),
  taxonomy: { sections: { politics: { ru: 'Политика', en: 'Politics' } }, tags: { eu: { ru: 'ЕС', en: 'EU' } } },
  problems: [],
};
const visibility = { now: Date.parse('2030-01-01T00:00:00Z'), includeDrafts: false };

describe('listingAlternates', () => {
  it('links the same page in the other language where it exists', () => {
    expect(listingAlternates(content, { kind: 'archive' }, 2, visibility)).toEqual({ ru: '/ru/archive?page=2', en: '/en/archive?page=2', hy: '/hy/archive' });
  });

  it('links the first page where the other language has fewer pages (never a 404)', () => {
    expect(listingAlternates(content, { kind: 'archive' }, 3, visibility)).toEqual({ ru: '/ru/archive?page=3', en: '/en/archive', hy: '/hy/archive' });
    expect(listingAlternates(content, { kind: 'tag', slug: 'eu' }, 3, visibility)).toEqual({ ru: '/ru/tag/eu?page=3', en: '/en/tag/eu', hy: '/hy/tag/eu' });
  });
});
