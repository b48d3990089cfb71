import { createHash } from 'node:crypto';

/** A short hash of everything a card shows: a changed story gets a new card URL. */
export function cardVersion(parts: Array<string | number | undefined>): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 12);
}
