import type { Locale } from '../../../i18n/routing';
import type { LoadedContent, Story, StoryVersion } from '../types';

interface Text {
  title: string;
  summary?: string;
  body?: string;
}

/** A story in memory, for tests that need exact control over words and dates (search, Related). */
export function story(slug: string, fields: Partial<Omit<Story, 'versions'>> & { ru?: Text; en?: Text; hy?: Text }): Story {
  const date = fields.date ?? '2020-01-01T12:00:00Z';
  const version = (locale: Locale, text: Text | undefined): StoryVersion | undefined =>
    text && {
      locale,
      title: text.title,
      summary: text.summary ?? '',
      bodyHtml: '',
      bodyText: text.body ?? '',
      wordCount: 1,
      draft: false,
    };
  const versions: Story['versions'] = {};
  for (const locale of ['ru', 'en', 'hy'] as const) {
    const made = version(locale, fields[locale]);
    if (made) versions[locale] = made;
  }
  return {
    slug,
    date,
    localDate: date.slice(0, 10),
    published: Date.parse(date),
    section: fields.section ?? 'politics',
    tags: fields.tags ?? [],
    related: fields.related ?? [],
    draft: fields.draft ?? false,
    original: Object.keys(versions)[0] ?? 'en',
    versions,
  };
}

export function contentOf(stories: Story[]): LoadedContent {
  return {
    stories: new Map(stories.map((s) => [s.slug, s])),
    taxonomy: {
      sections: { politics: { ru: 'Политика', en: 'Politics' }, energy: { ru: 'Энергетика', en: 'Energy' } },
      tags: { gas: { ru: 'Газ', en: 'Gas' }, eu: { ru: 'ЕС', en: 'EU' } },
    },
    problems: [],
  };
}
