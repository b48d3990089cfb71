/**
 * Fills lists from ranked candidates so that no item appears twice on a page. First every list
 * takes up to `min` items in turn, then each tops up to `max`: a later list is not starved by an
 * earlier one. Items the page already shows (`taken`) are skipped; a list with too few candidates
 * stays short rather than repeating.
 */
export function distinctLists<T>(
  candidates: Array<{ id: string; ranked: T[] }>,
  taken: Iterable<T>,
  { min, max }: { min: number; max: number },
): Record<string, T[]> {
  const used = new Set<T>(taken);
  const lists: Record<string, T[]> = Object.fromEntries(candidates.map(({ id }) => [id, []]));
  for (const limit of [min, max]) {
    for (const { id, ranked } of candidates) {
      const list = lists[id]!;
      for (const item of ranked) {
        if (list.length >= limit) break;
        if (used.has(item)) continue;
        used.add(item);
        list.push(item);
      }
    }
  }
  return lists;
}
