import type { Locale } from '../../i18n/routing';
import type { LoadedContent } from '../content/load';
import type { Story } from '../content/types';
import { versionFor } from '../content/visibility';
import { terms } from './terms';
import { cosine, tfidfVectors, type Vector } from './tfidf';

/** How much each signal counts. Text similarity leads; tags, section and closeness in time refine. */
export const RELATED_WEIGHTS = { text: 3, tags: 2, section: 0.75, time: 0.5 } as const;
const TIME_SCALE_DAYS = 365;
const DAY_MS = 86_400_000;

interface Scored {
  slug: string;
  score: number;
  published: number;
}

function documentTerms(story: Story, locale: Locale): string[] {
  const { version } = versionFor(story, locale);
  const lang = version.locale;
  // The headline and lead say what a story is about: they count three and two times.
  const title = terms(version.title, lang);
  const lead = terms(version.summary, lang);
  return [...title, ...title, ...title, ...lead, ...lead, ...terms(version.bodyText, lang)];
}

/** Similarity of two stories from shared tags, section, text and closeness in time. */
export function relatedScore(a: Story, b: Story, textSimilarity: number): number {
  const shared = a.tags.filter((tag) => b.tags.includes(tag)).length;
  const tags = shared === 0 ? 0 : shared / Math.sqrt(a.tags.length * b.tags.length);
  const section = a.section === b.section ? 1 : 0;
  const time = Math.exp(-Math.abs(a.published - b.published) / DAY_MS / TIME_SCALE_DAYS);
  return (
    RELATED_WEIGHTS.text * textSimilarity +
    RELATED_WEIGHTS.tags * tags +
    RELATED_WEIGHTS.section * section +
    RELATED_WEIGHTS.time * time
  );
}

/** For every story, every other story best first: pinned `related` in their order, then by score. */
export function rankRelated(stories: Story[], locale: Locale): Map<string, string[]> {
  const vectors: Vector[] = tfidfVectors(stories.map((story) => documentTerms(story, locale)));
  const ranking = new Map<string, string[]>();
  stories.forEach((story, i) => {
    const scored: Scored[] = [];
    stories.forEach((other, j) => {
      if (i !== j) scored.push({ slug: other.slug, published: other.published, score: relatedScore(story, other, cosine(vectors[i]!, vectors[j]!)) });
    });
    scored.sort((x, y) => y.score - x.score || y.published - x.published);
    const pinned = story.related.filter((slug) => slug !== story.slug);
    ranking.set(story.slug, [...pinned, ...scored.map((s) => s.slug).filter((slug) => !pinned.includes(slug))]);
  });
  return ranking;
}

// Computed once per loaded content (a new load is a new object), per locale, on first use.
const cache = new WeakMap<LoadedContent, Map<Locale, Map<string, string[]>>>();

export function relatedRanking(content: LoadedContent, locale: Locale): Map<string, string[]> {
  let byLocale = cache.get(content);
  if (!byLocale) cache.set(content, (byLocale = new Map()));
  let ranking = byLocale.get(locale);
  if (!ranking) {
    ranking = rankRelated([...content.stories.values()], locale);
    byLocale.set(locale, ranking);
  }
  return ranking;
}
