/** Sparse TF-IDF vectors, L2-normalized, so the dot product of two is their cosine similarity. */
export type Vector = Map<string, number>;

export function tfidfVectors(documents: string[][]): Vector[] {
  const documentFrequency = new Map<string, number>();
  for (const terms of documents) for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const count = documents.length;
  return documents.map((terms) => {
    const frequency = new Map<string, number>();
    for (const term of terms) frequency.set(term, (frequency.get(term) ?? 0) + 1);
    const vector: Vector = new Map();
    let norm = 0;
    for (const [term, tf] of frequency) {
      // Smoothed IDF: a term in every document still weighs a little, none weighs below zero.
      const weight = (1 + Math.log(tf)) * Math.log((1 + count) / (1 + documentFrequency.get(term)!));
      if (weight > 0) {
        vector.set(term, weight);
        norm += weight * weight;
      }
    }
    norm = Math.sqrt(norm);
    for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  });
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) sum += weight * (large.get(term) ?? 0);
  return sum;
}
