// Node's writeHead takes headers as an object, a flat [name, value, …] list or a list of pairs;
// the wrappers around Next's responses (heldDocuments.mjs, immutableMedia.mjs) read all three.

/** Headers given to writeHead, in any of Node's shapes, as [name, value] pairs. */
export function headerPairs(headers) {
  if (!headers) return [];
  if (!Array.isArray(headers)) return Object.entries(headers).filter(([, value]) => value !== undefined);
  return Array.isArray(headers[0]) ? headers : headers.flatMap((_, i) => (i % 2 === 0 ? [[headers[i], headers[i + 1]]] : []));
}
