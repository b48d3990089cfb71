// Conditional GET, RFC 9110: whether the tags a client sent name the answer it would get. Erasable
// TypeScript with no imports: the launcher (scripts/server/heldAnswers.ts) runs it directly too.

/** Whether an If-None-Match header names this entity tag, or is `*` (weak comparison, over a list). */
export function ifNoneMatchNames(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}
