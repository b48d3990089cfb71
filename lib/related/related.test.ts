import { describe, expect, it } from 'vitest';
import type { Story } from '../content/types';
import { rankRelated, relatedScore } from './related';
import { story as storyOf } from '../content/testing/stories';
import { terms } from '../text/analyzer';

// The shared builder, with this file's shape: one version's headline and body.
function story(slug: string, fields: Partial<Story> & { title: string; body: string; locale?: 'ru' | 'en' }): Story {
  const { title, body, locale = 'en', ...rest } = fields;
  return storyOf(slug, { ...rest, [locale]: { title, body } });
}

describe('terms', () => {
  it('stems Russian and drops stop words', () => {
    expect(terms('Сотрудничество и сотрудничества в сфере обороны', 'ru')).toEqual(['сотрудничеств', 'сотрудничеств', 'сфер', 'оборон']);
  });
  it('stems English and drops stop words and numbers', () => {
    expect(terms('The pipelines were inaugurated in 2018', 'en')).toEqual(['pipelin', 'inaugur']);
  });
});

describe('relatedScore', () => {
  const base = story('a', { title: 'x', body: 'x', tags: ['gas', 'eu'], section: 'energy', date: '2020-01-01T00:00:00Z' });
  it('rises with shared tags, the same section, similar text and closeness in time', () => {
    const far = story('b', { title: 'y', body: 'y', tags: [], section: 'security', date: '2010-01-01T00:00:00Z' });
    const sameSection = { ...far, section: 'energy' };
    const sharedTag = { ...sameSection, tags: ['gas'] };
    const near = { ...sharedTag, published: base.published };
    expect(relatedScore(base, sameSection, 0)).toBeGreaterThan(relatedScore(base, far, 0));
    expect(relatedScore(base, sharedTag, 0)).toBeGreaterThan(relatedScore(base, sameSection, 0));
    expect(relatedScore(base, near, 0)).toBeGreaterThan(relatedScore(base, sharedTag, 0));
    expect(relatedScore(base, near, 0.5)).toBeGreaterThan(relatedScore(base, near, 0));
  });
});

describe('rankRelated', () => {
  const stories = [
    story('pipeline', { title: 'Gas pipeline opens in Turkey', body: 'The gas pipeline carries Azerbaijani gas to Europe.', tags: ['gas'], section: 'energy', date: '2018-06-12T12:00:00+03:00' }),
    story('corridor', { title: 'Southern Gas Corridor delivers first gas', body: 'Azerbaijani gas reached Europe through the pipeline corridor.', tags: ['gas', 'eu'], section: 'energy', date: '2020-12-31T12:00:00+01:00' }),
    story('election', { title: 'Moldova elects a president', body: 'Voters in Moldova chose a president in a runoff.', tags: ['elections'], section: 'politics', date: '2024-11-03T22:00:00+02:00' }),
    story('summit', { title: 'NATO summit in Vilnius', body: 'Allies met in Vilnius to discuss Ukraine.', tags: ['nato'], section: 'security', date: '2023-07-12T12:00:00+03:00', related: ['election'] }),
    story('memorandum', { title: 'EU and Azerbaijan sign gas memorandum', body: 'The memorandum doubles gas supplies to Europe.', tags: ['gas', 'eu'], section: 'energy', date: '2022-07-18T12:00:00+04:00' }),
  ];

  it('puts the stories about the same thing first and never the story itself', () => {
    const ranking = rankRelated(stories, 'en');
    expect(ranking.get('corridor')).toEqual(['memorandum', 'pipeline', 'summit', 'election']);
    expect(ranking.get('pipeline')!.slice(0, 2)).toEqual(['corridor', 'memorandum']);
    for (const [slug, ranked] of ranking) expect(ranked).not.toContain(slug);
  });

  it('lists pinned stories first, in their order', () => {
    expect(rankRelated(stories, 'en').get('summit')![0]).toBe('election');
  });

  it('compares Russian texts by stems, so word forms match', () => {
    const ru = [
      story('a', { locale: 'ru', title: 'Газопровод открыт', body: 'Газопровод доставит газ в Европу.' }),
      story('b', { locale: 'ru', title: 'Выборы в Молдове', body: 'Избиратели выбрали президента.' }),
      story('c', { locale: 'ru', title: 'Газопроводом доставлен газ', body: 'По газопроводу в Европу пришёл первый газ.' }),
    ];
    expect(rankRelated(ru, 'ru').get('a')).toEqual(['c', 'b']);
  });
});

describe('relatedTo on a large archive', () => {
  it('ranks from pre-selected candidates: the same stories first as scoring every pair would', async () => {
    const { cosine, tfidfVectors } = await import('./tfidf');
    const words = ['gas', 'pipeline', 'election', 'summit', 'treaty', 'border', 'grain', 'sanctions', 'minerals', 'mission'];
    const many = Array.from({ length: 600 }, (_, i) =>
      story(`s${i}`, {
        title: `${words[i % 10]} ${words[(i * 7) % 10]} news ${i % 37}`,
        body: `${words[i % 10]} ${words[(i * 3) % 10]} report number ${i % 53} ${words[(i * 5) % 10]}`,
        tags: [`t${i % 12}`],
        section: `sec${i % 4}`,
        date: new Date(Date.UTC(2015, 0, 1) + i * 86_400_000 * 5).toISOString(),
      }),
    );
    const ranked = rankRelated(many, 'en');
    // Every pair, the old way, for a few stories: the top five must agree.
    const vectors = tfidfVectors(many.map((s) => terms(`${s.versions.en!.title} `.repeat(3) + s.versions.en!.bodyText, 'en')));
    for (const i of [0, 123, 599]) {
      const all = many
        .map((other, j) => ({ slug: other.slug, published: other.published, score: j === i ? -1 : relatedScore(many[i]!, other, cosine(vectors[i]!, vectors[j]!)) }))
        .filter((x) => x.slug !== many[i]!.slug)
        .sort((x, y) => y.score - x.score || y.published - x.published);
      expect(ranked.get(many[i]!.slug)!.slice(0, 5)).toEqual(all.slice(0, 5).map((x) => x.slug));
    }
  });
});
