import { newStemmer } from 'snowball-stemmers';
import type { Locale } from '../../i18n/routing';
import { LOCALES } from '../../i18n/locales';
import { processSingleton } from '../process/registry';

/**
 * The one text analyzer of the site: Related articles and search both turn text into terms here,
 * so a word form that makes two stories related is the same one a reader can search for.
 */

type Stemmer = ReturnType<typeof newStemmer>;

interface Language {
  /** Undefined for a language without a Snowball stemmer: lowercase and folding only. */
  stemmer: Stemmer | undefined;
  stop: Set<string>;
  // Word frequencies are Zipfian, so a small memo saves most of the stemming work when indexing
  // thousands of stories.
  stems: Map<string, string>;
}

const STEM_MEMO_LIMIT = 100_000;

/** Each language's analyzer, as i18n/locales.json describes it, made once per process. */
function language(code: Locale): Language {
  const languages = processSingleton('text:analyzers', () => {
    const made = new Map<string, Language>();
    for (const { code: key, analyzer } of LOCALES) {
      made.set(key, {
        stemmer: analyzer.stemmer ? newStemmer(analyzer.stemmer) : undefined,
        stop: new Set(analyzer.stopWords.trim().split(/\s+/).filter(Boolean).map(normalize)),
        stems: new Map(),
      });
    }
    return made;
  });
  const found = languages.get(code);
  if (!found) throw new Error(`no analyzer for "${code}": not a language in i18n/locales.json`);
  return found;
}

export interface AnalyzeOptions {
  /** Keep numbers as terms (search finds "2027"; Related ignores them as noise). */
  numbers?: boolean;
  /** Split words joined by a hyphen or apostrophe ("Шах-Дениз", "Georgia's") into their parts. */
  splitCompounds?: boolean;
}

export interface Token {
  /** Offsets in the original text, for highlighting. */
  start: number;
  end: number;
  /** Lowercased, «ё» folded to «е». */
  word: string;
}

// Armenian writes its emphasis, exclamation and question marks inside the word they stress
// («ինչո՞ւ»): they belong to the word when scanning and are dropped from it, as readers type it
// without them.
const IN_WORD_MARK = /[\u055b\u055c\u055e]/;
const IN_WORD_MARKS = /[\u055b\u055c\u055e]/g;

/** Lowercase, fold «ё» to «е» (readers type «е» for both), drop Armenian in-word marks. */
export function normalize(text: string): string {
  let lower = text.toLowerCase();
  if (lower.includes('ё')) lower = lower.replaceAll('ё', 'е');
  return IN_WORD_MARK.test(lower) ? lower.replace(IN_WORD_MARKS, '') : lower;
}

// A word is a run of letters, digits and combining marks; an apostrophe or hyphen between two
// such runs joins them («Шах-Дениз», "Georgia's") unless compounds are split. Marks count so that
// lowercasing (which can add one, as «İ» → «i̇») never moves a word boundary. Characters are
// classified through a table built once, which scans text several times faster than a Unicode
// regular expression: this loop is most of the cost of indexing.
const WORD_CHAR = /[\p{L}\p{N}\p{M}\u055b\u055c\u055e]/u;
const JOINERS = new Set([0x27, 0x2019, 0x2d, 0x58a]); // ' ’ - and the Armenian hyphen ֊
const wordCharTable = () =>
  processSingleton('text:word-chars', () => Uint8Array.from({ length: 0x10000 }, (_, c) => (c >= 0xd800 && c <= 0xdfff ? 0 : WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0)));

function isWordChar(text: string, at: number, table: Uint8Array): number {
  const code = text.charCodeAt(at);
  if (code < 0xd800 || code > 0xdfff) return table[code]!;
  // A letter outside the Basic Multilingual Plane takes two code units.
  const point = text.codePointAt(at)!;
  return point > 0xffff && WORD_CHAR.test(String.fromCodePoint(point)) ? 2 : 0;
}

/** Calls `found` with the start and end of each word of a text. */
function scan(text: string, split: boolean, found: (start: number, end: number) => void): void {
  const table = wordCharTable();
  let at = 0;
  while (at < text.length) {
    let width = isWordChar(text, at, table);
    if (width === 0) {
      at += 1;
      continue;
    }
    const start = at;
    for (;;) {
      at += width;
      width = at < text.length ? isWordChar(text, at, table) : 0;
      if (width === 0 && !split && JOINERS.has(text.charCodeAt(at)) && at + 1 < text.length && isWordChar(text, at + 1, table) > 0) {
        at += 1;
        width = isWordChar(text, at, table);
      }
      if (width === 0) break;
    }
    found(start, at);
  }
}

/** Calls `found` with each normalized word of a text: the fast path for indexing. */
export function eachWord(text: string, options: AnalyzeOptions, found: (word: string) => void): void {
  const normalized = normalize(text);
  scan(normalized, options.splitCompounds ?? false, (start, end) => found(normalized.slice(start, end)));
}

/** The normalized words of a text. */
export function words(text: string, options: AnalyzeOptions = {}): string[] {
  const found: string[] = [];
  eachWord(text, options, (word) => found.push(word));
  return found;
}

/** The words of a text with where they are, for highlighting (the same words as `words`). */
export function tokens(text: string, options: AnalyzeOptions = {}): Token[] {
  const found: Token[] = [];
  scan(text, options.splitCompounds ?? false, (start, end) => found.push({ start, end, word: normalize(text.slice(start, end)) }));
  return found;
}

export function isStopWord(word: string, locale: Locale): boolean {
  return language(locale).stop.has(word);
}

function stemWith({ stemmer, stems }: Language, word: string): string {
  if (!stemmer) return word;
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    // Emptied when full rather than kept in recency order: a hit must cost one Map lookup, as
    // this runs for every word of every story when an archive is indexed.
    if (stems.size >= STEM_MEMO_LIMIT) stems.clear();
    stemmed = stemmer.stem(word);
    stems.set(word, stemmed);
  }
  return stemmed;
}

/** The Snowball stem of a normalized word (the word itself where the language has no stemmer). */
export function stem(word: string, locale: Locale): string {
  return stemWith(language(locale), word);
}

function termWith(lang: Language, word: string, options: AnalyzeOptions): string | undefined {
  if (word.length < 2 || lang.stop.has(word)) return undefined;
  if (/^\d+$/.test(word)) return options.numbers ? word : undefined;
  return stemWith(lang, word);
}

/** `termOf` for many words of one language: the language's analyzer is looked up once. */
export function termFinder(locale: Locale, options: AnalyzeOptions = {}): (word: string) => string | undefined {
  const lang = language(locale);
  return (word) => termWith(lang, word, options);
}

/** The term a normalized word stands for, or undefined for a stop word, a letter alone or (by default) a number. */
export function termOf(word: string, locale: Locale, options: AnalyzeOptions = {}): string | undefined {
  return termWith(language(locale), word, options);
}

/** Stems of the meaningful words of a text: lowercased, «ё» folded, stop words dropped, Snowball-stemmed. */
export function terms(text: string, locale: Locale, options: AnalyzeOptions = {}): string[] {
  // The language's analyzer once per text, not once per word.
  const lang = language(locale);
  const found: string[] = [];
  for (const word of words(text, options)) {
    const term = termWith(lang, word, options);
    if (term !== undefined) found.push(term);
  }
  return found;
}
