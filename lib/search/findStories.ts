import type { Story } from '../content/types';
import { isPublic, type Visibility } from '../content/visibility';
import { documentFrequency, termsOneEditAway, termsWithPrefix, type InvertedIndex } from './invertedIndex';
import type { QueryWord, SearchFilters, SearchSort } from './query';
import { holds, scoreTerm } from './scoring';
import type { SearchIndex } from './searchIndex';

/** A gentle nudge to newer stories: at most +20 %, halving every two years of age. */
export const RECENCY = { weight: 0.2, halfLifeDays: 730 } as const;
const DAY_MS = 86_400_000;

/**
 * Typo tolerance: one edit, for a word of five letters or more that the index does not know (a
 * known word is taken as meant: «Россия» must not also find «рост»), and not for absurdly long
 * ones, whose one-edit variants would be many and useless.
 */
const FUZZY_MIN_WORD = 5;
const FUZZY_MIN_TERM = 4;
const FUZZY_MAX_TERM = 30;
/** Prefix matching on the last word, once it is long enough not to match half the vocabulary. */
const PREFIX_MIN_TERM = 3;
/** A prefix or typo match counts less than the word itself, the more so the further it is. */
const WEIGHT = { prefix: 0.375, fuzzy: 0.45 } as const;
/** Bounds on the work one word can cause: the most frequent expansions are kept. */
const MAX_EXPANSIONS = 50;
const MAX_PREFIX_SCAN = 5000;

export interface SearchHit {
  story: Story;
  score: number;
  /** The index terms of the query found in this story (stems, with prefix and typo expansions), for highlighting. */
  matched: () => string[];
}

interface Expansion {
  term: number;
  weight: number;
}

/** The index terms a query word stands for: itself, words it starts (last word only), or words one typo away. */
export function expansions(index: InvertedIndex, word: QueryWord, last: boolean): Expansion[] {
  const found = new Map<number, number>();
  const exact = index.termIds.get(word.term);
  if (exact !== undefined) found.set(exact, 1);
  if (last && word.term.length >= PREFIX_MIN_TERM) {
    for (const term of termsWithPrefix(index, word.term, MAX_PREFIX_SCAN)) {
      const length = index.terms[term]!.length;
      if (!found.has(term)) found.set(term, (WEIGHT.prefix * length) / (length + 0.3 * (length - word.term.length)));
    }
  }
  if (exact === undefined && word.word.length >= FUZZY_MIN_WORD && word.term.length >= FUZZY_MIN_TERM && word.term.length <= FUZZY_MAX_TERM) {
    for (const term of termsOneEditAway(index, word.term)) {
      const length = index.terms[term]!.length;
      if (!found.has(term)) found.set(term, (WEIGHT.fuzzy * length) / (length + 1));
    }
  }
  return [...found]
    .map(([term, weight]) => ({ term, weight }))
    .sort((a, b) => b.weight - a.weight || documentFrequency(index, b.term) - documentFrequency(index, a.term))
    .slice(0, MAX_EXPANSIONS);
}

export function recencyFactor(published: number, now: number): number {
  const ageDays = Math.max(0, now - published) / DAY_MS;
  return 1 + RECENCY.weight * 0.5 ** (ageDays / RECENCY.halfLifeDays);
}

function passes(story: Story, filters: SearchFilters): boolean {
  if (filters.section !== undefined && story.section !== filters.section) return false;
  if (filters.tag !== undefined && !story.tags.includes(filters.tag)) return false;
  if (filters.year !== undefined && story.localDate.slice(0, 4) !== String(filters.year)) return false;
  return true;
}

/** Documents holding every word (AND), with the sum of their BM25+ scores. */
function matchAll(index: InvertedIndex, perWord: Expansion[][]): Array<{ doc: number; score: number }> {
  const total = new Float64Array(index.documentCount);
  const matchedWords = new Uint8Array(index.documentCount);
  const wordScores = new Float64Array(index.documentCount);
  for (const expanded of perWord) {
    const touched: number[] = [];
    for (const { term, weight } of expanded) scoreTerm(index, term, weight, wordScores, touched);
    for (const doc of touched) {
      total[doc]! += wordScores[doc]!;
      matchedWords[doc]! += 1;
      wordScores[doc] = 0;
    }
  }
  const found: Array<{ doc: number; score: number }> = [];
  for (let doc = 0; doc < index.documentCount; doc++) if (matchedWords[doc] === perWord.length) found.push({ doc, score: total[doc]! });
  return found;
}

/**
 * Public stories matching every word, best first (relevance with the recency nudge) or newest
 * first. Visibility is checked here, per query, so a scheduled story is found once it is due.
 */
export function findStories(
  searchIndex: SearchIndex,
  words: QueryWord[],
  options: { filters: SearchFilters; sort: SearchSort; visibility: Visibility },
): SearchHit[] {
  if (words.length === 0) return [];
  const { index, stories } = searchIndex;
  const { filters, sort, visibility } = options;
  const perWord = words.map((word, i) => expansions(index, word, i === words.length - 1));
  if (perWord.some((expanded) => expanded.length === 0)) return [];
  const terms = perWord.flat().map((expansion) => expansion.term);
  const hits: SearchHit[] = [];
  for (const { doc, score } of matchAll(index, perWord)) {
    const story = stories[doc]!;
    if (!isPublic(story, visibility) || !passes(story, filters)) continue;
    const matched = () => terms.filter((term) => holds(index, term, doc)).map((term) => index.terms[term]!);
    hits.push({ story, score: score * recencyFactor(story.published, visibility.now), matched });
  }
  const newest = (a: SearchHit, b: SearchHit) => b.story.published - a.story.published || a.story.slug.localeCompare(b.story.slug);
  hits.sort(sort === 'date' ? (a, b) => newest(a, b) || b.score - a.score : (a, b) => b.score - a.score || newest(a, b));
  return hits;
}
