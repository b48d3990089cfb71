import { randomBytes, timingSafeEqual } from 'node:crypto';

const slot = globalThis as typeof globalThis & { __revalidateSecret?: string };

/**
 * The bearer token of POST /api/revalidate: REVALIDATE_SECRET when set (for git hooks and other
 * hosts), else a random token made per process, known only to this process's content watcher.
 */
export function revalidateSecret(): string {
  return process.env.REVALIDATE_SECRET?.trim() || (slot.__revalidateSecret ??= randomBytes(24).toString('hex'));
}

export function isAuthorized(header: string | null): boolean {
  const expected = Buffer.from(`Bearer ${revalidateSecret()}`);
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
