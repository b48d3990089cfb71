import { boundedDistance } from './invertedIndex';
import type { QueryWord } from './query';
import type { SearchIndex } from './searchIndex';

/** The known word closest to an unknown one: fewest edits (two at most), then the most used. */
function closest({ index }: SearchIndex, word: QueryWord): string | undefined {
  if (index.termIds.has(word.term) || word.term.length < 3) return undefined;
  const maxEdits = word.word.length >= 5 ? 2 : 1;
  let best: { term: number; distance: number } | undefined;
  // A scan of the vocabulary, run only when a search found nothing; most terms are rejected on length.
  for (let term = 0; term < index.terms.length; term++) {
    const distance = boundedDistance(word.term, index.terms[term]!, maxEdits);
    if (distance > maxEdits) continue;
    if (!best || distance < best.distance || (distance === best.distance && index.occurrences[term]! > index.occurrences[best.term]!)) best = { term, distance };
  }
  return best && index.surface[best.term];
}

/**
 * The query with each word the index does not know replaced by the closest word it does
 * («газапрвод» → «газопровод»), or undefined when there is nothing to correct.
 */
export function suggestSpelling(index: SearchIndex, text: string, words: QueryWord[]): string | undefined {
  let suggestion = '';
  let cursor = 0;
  let changed = false;
  for (const word of words) {
    const replacement = closest(index, word);
    if (replacement === undefined) continue;
    suggestion += text.slice(cursor, word.start) + replacement;
    cursor = word.end;
    changed = true;
  }
  return changed ? suggestion + text.slice(cursor) : undefined;
}
