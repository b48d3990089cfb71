/**
 * Paths no page could answer: undecodable escapes (Next's matcher would throw a 500 on them),
 * NUL and other control characters, traversal, and absurd lengths. Answered 400 before routing.
 */
export function isHostilePath(pathname: string): boolean {
  if (pathname.length > 1024) return true;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return true;
  }
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return true;
  return decoded.split(/[/\\]/).some((segment) => segment === '..' || segment === '.');
}
