/**
 * Maps over items with at most `limit` calls in flight, keeping the input order. Content loading
 * uses it so a 10,000-story archive never opens every file at once (EMFILE past the open-file
 * limit, which is 1,024 by default on Linux).
 */
export async function mapWithLimit<T, R>(items: readonly T[], limit: number, map: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
