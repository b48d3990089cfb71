import type { Locale } from '../../i18n/routing';
import type { Story } from '../content/types';
import { terms } from '../text/analyzer';
import type { Vector } from './tfidf';

export interface DocumentText {
  language: Locale;
  title: string;
  lead: string;
  body: string;
}

/** The public stories of one locale as TF-IDF documents, kept up to date story by story. */
export interface Corpus {
  /** Makes the corpus hold exactly these stories, analysing only new or changed ones. */
  sync(stories: Story[]): void;
  has(story: Story): boolean;
  vector(story: Story): Vector;
  /** The story's terms that fewest other stories share (the most telling), at most `count`. */
  rarestTerms(story: Story, count: number): string[];
  /** Stories containing a term, newest first. */
  withTerm(term: string): Story[];
  byTag: Map<string, Story[]>;
  bySection: Map<string, Story[]>;
  newest: Story[];
}

// A term in more stories than this says little about any of them: not used to find candidates.
const COMMON_SHARE = 0.05;

const newestFirst = (a: Story, b: Story) => b.published - a.published || a.slug.localeCompare(b.slug);

export function createCorpus(textOf: (story: Story) => DocumentText): Corpus {
  // Keyed by the Story object: an unchanged story keeps its object across reloads.
  const frequencies = new Map<string, { story: Story; tf: Map<string, number> }>();
  const documentFrequency = new Map<string, number>();
  const postings = new Map<string, Set<Story>>();
  let vectors = new WeakMap<Story, Vector>();
  let byTag = new Map<string, Story[]>();
  let bySection = new Map<string, Story[]>();
  let newest: Story[] = [];
  const sortedPostings = new Map<string, Story[]>();

  function analyse(story: Story): Map<string, number> {
    const text = textOf(story);
    const title = terms(text.title, text.language);
    const lead = terms(text.lead, text.language);
    const tf = new Map<string, number>();
    // The headline and lead say what a story is about: they count three and two times.
    for (const term of [...title, ...title, ...title, ...lead, ...lead, ...terms(text.body, text.language)]) tf.set(term, (tf.get(term) ?? 0) + 1);
    return tf;
  }

  function account(tf: Map<string, number>, story: Story, sign: 1 | -1) {
    for (const term of tf.keys()) {
      const count = (documentFrequency.get(term) ?? 0) + sign;
      if (count > 0) documentFrequency.set(term, count);
      else documentFrequency.delete(term);
      let posting = postings.get(term);
      if (sign > 0) postings.set(term, (posting ??= new Set()).add(story));
      else if (posting) {
        posting.delete(story);
        if (posting.size === 0) postings.delete(term);
      }
      sortedPostings.delete(term);
    }
  }

  return {
    sync(stories) {
      const wanted = new Map(stories.map((story) => [story.slug, story]));
      let changed = false;
      for (const [slug, held] of frequencies) {
        if (wanted.get(slug) !== held.story) {
          account(held.tf, held.story, -1);
          frequencies.delete(slug);
          changed = true;
        }
      }
      for (const story of stories) {
        if (frequencies.has(story.slug)) continue;
        const tf = analyse(story);
        frequencies.set(story.slug, { story, tf });
        account(tf, story, 1);
        changed = true;
      }
      if (!changed) return;
      // Weights depend on every document's terms: recomputed lazily, per story, from now on.
      vectors = new WeakMap();
      newest = [...stories].sort(newestFirst);
      byTag = new Map();
      bySection = new Map();
      const append = (map: Map<string, Story[]>, key: string, story: Story) => {
        const list = map.get(key);
        if (list) list.push(story);
        else map.set(key, [story]);
      };
      for (const story of newest) {
        for (const tag of story.tags) append(byTag, tag, story);
        append(bySection, story.section, story);
      }
    },
    has: (story) => frequencies.get(story.slug)?.story === story,
    vector(story) {
      let vector = vectors.get(story);
      if (vector) return vector;
      const tf = frequencies.get(story.slug)?.tf ?? analyse(story);
      const count = frequencies.size;
      vector = new Map();
      let norm = 0;
      for (const [term, frequency] of tf) {
        // Smoothed IDF: a term in every document still weighs a little, none weighs below zero.
        const weight = (1 + Math.log(frequency)) * Math.log((1 + count) / (1 + (documentFrequency.get(term) ?? 0)));
        if (weight > 0) {
          vector.set(term, weight);
          norm += weight * weight;
        }
      }
      norm = Math.sqrt(norm) || 1;
      for (const [term, weight] of vector) vector.set(term, weight / norm);
      vectors.set(story, vector);
      return vector;
    },
    rarestTerms(story, count) {
      const tf = frequencies.get(story.slug)?.tf;
      if (!tf) return [];
      const limit = Math.max(2, frequencies.size * COMMON_SHARE);
      return [...tf.keys()]
        .map((term) => [term, documentFrequency.get(term) ?? 0] as const)
        .filter(([, df]) => df >= 2 && df <= limit)
        .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
        .slice(0, count)
        .map(([term]) => term);
    },
    withTerm(term) {
      let sorted = sortedPostings.get(term);
      if (!sorted) {
        sorted = [...(postings.get(term) ?? [])].sort(newestFirst);
        sortedPostings.set(term, sorted);
      }
      return sorted;
    },
    get byTag() {
      return byTag;
    },
    get bySection() {
      return bySection;
    },
    get newest() {
      return newest;
    },
  };
}
