/**
 * A compact in-memory inverted index: for every term, the documents holding it and how often in
 * each field, in flat typed arrays (compressed-row layout). It exists because a general-purpose
 * engine keeps a Map per term and field: at 10,000 stories per language that was ten times over
 * the build-time and memory budget (docs/search.md has the figures).
 */

export const FIELDS = ['title', 'summary', 'body'] as const;
export type Field = (typeof FIELDS)[number];
export type IndexedDocument = Record<Field, string>;

// Term frequencies per document packed in one 32-bit word: title and summary in 8 bits each,
// the body in 16 (saturating: BM25 flattens out long before 255 or 65,535 mentions).
const SHIFT: Record<Field, number> = { title: 24, summary: 16, body: 0 };
const MAX: Record<Field, number> = { title: 0xff, summary: 0xff, body: 0xffff };

export function fieldFrequency(packed: number, field: Field): number {
  return (packed >>> SHIFT[field]) & MAX[field];
}

export interface InvertedIndex {
  documentCount: number;
  /** Terms by id, and ids by term. */
  terms: string[];
  termIds: Map<string, number>;
  /** Term ids ordered by term, for prefix look-ups by binary search. */
  sorted: Uint32Array;
  /** The shortest word seen for each term (what a spelling suggestion shows) and its occurrences. */
  surface: string[];
  occurrences: Uint32Array;
  /** Postings of term t: docs[offsets[t] .. offsets[t + 1]], ascending, with packed frequencies. */
  offsets: Uint32Array;
  docs: Uint32Array;
  frequencies: Uint32Array;
  /** Indexed words per field of each document, and their average. */
  lengths: Record<Field, Uint32Array>;
  averageLength: Record<Field, number>;
  /** Every character of the vocabulary: the alphabet of one-edit variants. */
  alphabet: string[];
}

/** A growable Uint32Array: postings are collected without a JS array per term. */
class Column {
  values = new Uint32Array(1 << 16);
  size = 0;
  push(value: number) {
    if (this.size === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.size++] = value;
  }
}

/**
 * Indexes documents in order (document i gets id i). `eachWord` calls back with each word of a
 * field and `analyze` maps a word to its term, or undefined to leave it out (stop words).
 */
export function buildInvertedIndex(
  documents: Iterable<IndexedDocument>,
  eachWord: (text: string, found: (word: string) => void) => void,
  analyze: (word: string) => string | undefined,
): InvertedIndex {
  const terms: string[] = [];
  const termIds = new Map<string, number>();
  const surface: string[] = [];
  const occurrences: number[] = [];
  // Per-document counters indexed by term id, reset lazily by remembering the last document.
  const lastDocument: number[] = [];
  const packed: number[] = [];
  // Each distinct word is analyzed once per index: a word repeats far more often than it is new.
  const wordTerm = new Map<string, number>();
  const termOfWord = (word: string): number => {
    let id = wordTerm.get(word);
    if (id !== undefined) return id;
    const term = analyze(word);
    if (term === undefined) id = -1;
    else {
      id = termIds.get(term);
      if (id === undefined) {
        id = terms.length;
        terms.push(term);
        termIds.set(term, id);
        surface.push(word);
        occurrences.push(0);
        lastDocument.push(-1);
        packed.push(0);
      } else if (word.length < surface[id]!.length) surface[id] = word;
    }
    wordTerm.set(word, id);
    return id;
  };

  const postingTerm = new Column();
  const postingDoc = new Column();
  const postingFrequency = new Column();
  const lengths: Record<Field, number[]> = { title: [], summary: [], body: [] };
  let documentCount = 0;

  for (const document of documents) {
    const doc = documentCount++;
    const seen: number[] = [];
    for (const field of FIELDS) {
      let length = 0;
      const unit = 2 ** SHIFT[field];
      eachWord(document[field], (word) => {
        const id = termOfWord(word);
        if (id < 0) return;
        length += 1;
        occurrences[id]! += 1;
        if (lastDocument[id] !== doc) {
          lastDocument[id] = doc;
          packed[id] = 0;
          seen.push(id);
        }
        if (fieldFrequency(packed[id]!, field) < MAX[field]) packed[id]! += unit;
      });
      lengths[field].push(length);
    }
    for (const id of seen) {
      postingTerm.push(id);
      postingDoc.push(doc);
      postingFrequency.push(packed[id]! >>> 0);
    }
  }

  // Counting sort by term: documents were added in order, so each term's postings stay ascending.
  const offsets = new Uint32Array(terms.length + 1);
  for (let i = 0; i < postingTerm.size; i++) offsets[postingTerm.values[i]! + 1]! += 1;
  for (let t = 0; t < terms.length; t++) offsets[t + 1]! += offsets[t]!;
  const cursor = offsets.slice(0, terms.length);
  const docs = new Uint32Array(postingTerm.size);
  const frequencies = new Uint32Array(postingTerm.size);
  for (let i = 0; i < postingTerm.size; i++) {
    const at = cursor[postingTerm.values[i]!]!++;
    docs[at] = postingDoc.values[i]!;
    frequencies[at] = postingFrequency.values[i]!;
  }

  const sorted = Uint32Array.from(terms.keys()).sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0));
  const alphabet = new Set<string>();
  for (const term of terms) for (const char of term) alphabet.add(char);
  const average = (values: number[]) => (values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length);
  return {
    documentCount,
    terms,
    termIds,
    sorted,
    surface,
    occurrences: Uint32Array.from(occurrences),
    offsets,
    docs,
    frequencies,
    lengths: { title: Uint32Array.from(lengths.title), summary: Uint32Array.from(lengths.summary), body: Uint32Array.from(lengths.body) },
    averageLength: { title: average(lengths.title), summary: average(lengths.summary), body: average(lengths.body) },
    alphabet: [...alphabet],
  };
}

export function documentFrequency(index: InvertedIndex, id: number): number {
  return index.offsets[id + 1]! - index.offsets[id]!;
}

/** Ids of the terms that start with `prefix` (the term itself included), at most `limit`, by binary search. */
export function termsWithPrefix(index: InvertedIndex, prefix: string, limit = Infinity): number[] {
  const { sorted, terms } = index;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[sorted[mid]!]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const found: number[] = [];
  for (let i = lo; i < sorted.length && found.length < limit && terms[sorted[i]!]!.startsWith(prefix); i++) found.push(sorted[i]!);
  return found;
}

/** Ids of the known terms one edit (insertion, deletion, substitution, transposition) away. */
export function termsOneEditAway(index: InvertedIndex, term: string): number[] {
  const chars = Array.from(term);
  const candidates = new Set<string>();
  for (let i = 0; i <= chars.length; i++) {
    const head = chars.slice(0, i).join('');
    const tail = chars.slice(i).join('');
    const rest = chars.slice(i + 1).join('');
    if (i < chars.length) candidates.add(head + rest);
    if (i < chars.length - 1) candidates.add(head + chars[i + 1] + chars[i] + chars.slice(i + 2).join(''));
    for (const letter of index.alphabet) {
      candidates.add(head + letter + tail);
      if (i < chars.length) candidates.add(head + letter + rest);
    }
  }
  candidates.delete(term);
  const found: number[] = [];
  for (const candidate of candidates) {
    const id = index.termIds.get(candidate);
    if (id !== undefined) found.push(id);
  }
  return found;
}

/** Edit distance of a and b, or max + 1 once it is sure to exceed max (cheap rejection). */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}
