import { documentFrequency, fieldFrequency, FIELDS, type Field, type InvertedIndex } from './invertedIndex';

/** How much a match counts by where it is: the headline says what a story is about. */
export const FIELD_BOOST: Record<Field, number> = { title: 3, summary: 1.5, body: 1 };

/** BM25+ (Lv and Zhai 2011), scored per field and summed with the field boosts. */
const BM25 = { k1: 1.2, b: 0.7, delta: 0.5 } as const;

/** Inverse document frequency: rare terms weigh more. */
export function idf(index: InvertedIndex, term: number): number {
  const n = documentFrequency(index, term);
  return Math.log(1 + (index.documentCount - n + 0.5) / (n + 0.5));
}

/** Adds `weight` × the BM25+ score of a term to every document holding it. */
export function scoreTerm(index: InvertedIndex, term: number, weight: number, scores: Float64Array, touched: number[]): void {
  const termIdf = idf(index, term) * weight;
  for (let at = index.offsets[term]!; at < index.offsets[term + 1]!; at++) {
    const doc = index.docs[at]!;
    const packed = index.frequencies[at]!;
    let score = 0;
    for (const field of FIELDS) {
      const tf = fieldFrequency(packed, field);
      if (tf === 0) continue;
      const norm = 1 - BM25.b + (BM25.b * index.lengths[field][doc]!) / (index.averageLength[field] || 1);
      score += FIELD_BOOST[field] * (BM25.delta + (tf * (BM25.k1 + 1)) / (tf + BM25.k1 * norm));
    }
    if (scores[doc] === 0) touched.push(doc);
    scores[doc]! += termIdf * score;
  }
}

/** Whether a document holds a term (binary search in its postings). */
export function holds(index: InvertedIndex, term: number, doc: number): boolean {
  let lo = index.offsets[term]!;
  let hi = index.offsets[term + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = index.docs[mid]!;
    if (at === doc) return true;
    if (at < doc) lo = mid + 1;
    else hi = mid;
  }
  return false;
}
