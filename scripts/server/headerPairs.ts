// Node's writeHead takes headers as an object, a flat [name, value, …] list or a list of pairs;
// the wrappers around Next's responses (heldDocuments.ts, immutableMedia.ts) read all three.

export type HeaderPair = [string, unknown];

/** Headers given to writeHead, in any of Node's shapes, as [name, value] pairs. */
export function headerPairs(headers: unknown): HeaderPair[] {
  if (!headers) return [];
  if (!Array.isArray(headers)) return Object.entries(headers as Record<string, unknown>).filter(([, value]) => value !== undefined);
  if (Array.isArray(headers[0])) return headers as HeaderPair[];
  const pairs: HeaderPair[] = [];
  for (let i = 0; i < headers.length; i += 2) pairs.push([String(headers[i]), headers[i + 1]]);
  return pairs;
}
