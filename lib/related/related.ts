import type { Locale } from '../../i18n/routing';
import type { LoadedContent, Story } from '../content/types';
import { isPublic, versionFor, type Visibility } from '../content/visibility';
import { keptFor, processSingleton } from '../process/registry';
import { createCorpus, type Corpus } from './corpus';
import { cosine } from './tfidf';

/** How much each signal counts. Text similarity leads; tags, section and closeness in time refine. */
export const RELATED_WEIGHTS = { text: 3, tags: 2, section: 0.75, time: 0.5 } as const;
const TIME_SCALE_DAYS = 365;
const DAY_MS = 86_400_000;

/**
 * Candidates scored per story: the pinned ones, stories sharing a tag, the same section near in
 * time, stories sharing its rarest terms, and the newest few. Scoring these instead of every
 * story keeps a ranking near 10 ms at any archive size, and the whole archive near-linear.
 */
const PER_TAG = 60;
const PER_SECTION = 50;
const TOP_TERMS = 8;
const PER_TERM = 40;
const NEWEST = 20;

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

/** The `count` stories of a newest-first list nearest in time to `published`. */
function nearestInTime(sorted: Story[], published: number, count: number): Story[] {
  if (sorted.length <= count) return sorted;
  // Binary search for the first story older than `published`, then widen both ways.
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]!.published > published) low = mid + 1;
    else high = mid;
  }
  let before = low - 1;
  let after = low;
  const near: Story[] = [];
  while (near.length < count && (before >= 0 || after < sorted.length)) {
    const takeAfter = before < 0 || (after < sorted.length && published - sorted[after]!.published <= sorted[before]!.published - published);
    near.push(sorted[takeAfter ? after++ : before--]!);
  }
  return near;
}

function candidatesFor(story: Story, corpus: Corpus): Set<Story> {
  const found = new Set<Story>();
  const add = (list: Iterable<Story>) => {
    for (const other of list) if (other !== story) found.add(other);
  };
  for (const tag of story.tags) add(nearestInTime(corpus.byTag.get(tag) ?? [], story.published, PER_TAG));
  add(nearestInTime(corpus.bySection.get(story.section) ?? [], story.published, PER_SECTION));
  for (const term of corpus.rarestTerms(story, TOP_TERMS)) add(nearestInTime(corpus.withTerm(term), story.published, PER_TERM));
  add(corpus.newest.slice(0, NEWEST));
  return found;
}

/** One story's related stories, best first: pinned `related` in their order, then by score. */
export function rankFor(story: Story, corpus: Corpus): string[] {
  const vector = corpus.vector(story);
  const scored = [...candidatesFor(story, corpus)].map((other) => ({
    slug: other.slug,
    published: other.published,
    score: relatedScore(story, other, cosine(vector, corpus.vector(other))),
  }));
  scored.sort((x, y) => y.score - x.score || y.published - x.published || x.slug.localeCompare(y.slug));
  const pinned = story.related.filter((slug) => slug !== story.slug);
  return [...pinned, ...scored.map((s) => s.slug).filter((slug) => !pinned.includes(slug))];
}

/** Every story of a list ranked against the others (tests, benchmarks). */
export function rankRelated(stories: Story[], locale: Locale): Map<string, string[]> {
  const corpus = localeCorpus(locale);
  corpus.sync(stories);
  return new Map(stories.map((story) => [story.slug, rankFor(story, corpus)]));
}

/** An empty corpus of the stories as a locale's readers see them (their own version, or the original). */
export function localeCorpus(locale: Locale): Corpus {
  return createCorpus((story) => {
    const { version } = versionFor(story, locale);
    return { language: version.locale, title: version.title, lead: version.summary, body: version.bodyText };
  });
}

// One corpus per locale and process, brought up to date with each content load: only stories
// that are new or changed since are analysed again (a live edit analyses one story).
const corpora = () => processSingleton('related:corpora', () => new Map<Locale, Corpus>());

/**
 * The related stories of one story, among the public ones: ranked on first use after each
 * content load and kept for that load. Scheduled stories join when due (a due story triggers a
 * reload), drafts never.
 */
export function relatedTo(content: LoadedContent, locale: Locale, story: Story, visibility: Visibility): string[] {
  const ranked = keptFor(content, `related:${locale}`, () => {
    let corpus = corpora().get(locale);
    if (!corpus) corpora().set(locale, (corpus = localeCorpus(locale)));
    corpus.sync([...content.stories.values()].filter((s) => isPublic(s, visibility)));
    return new Map<string, string[]>();
  });
  let list = ranked.get(story.slug);
  if (!list) {
    const corpus = corpora().get(locale)!;
    list = corpus.has(story) ? rankFor(story, corpus) : [];
    ranked.set(story.slug, list);
  }
  return list;
}
