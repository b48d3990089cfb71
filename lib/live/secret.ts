import { randomBytes, timingSafeEqual } from 'node:crypto';
import { MIN_SECRET_LENGTH, secretLengthProblem, settings } from '../config/settings';
import { processSingleton } from '../process/registry';

/** This process's own secret when none is configured, and the problem last said in the log. */
const slot = () => processSingleton<{ secret?: string; reported?: string }>('revalidate:secret', () => ({}));

const configured = () => settings().revalidateSecret;

/**
 * Why the configured REVALIDATE_SECRET cannot be used (shorter than MIN_SECRET_LENGTH), else
 * undefined; said in the log once per process (and per value). scripts/server.mjs refuses to
 * start with such a secret, but `next start` and other launchers reach the route with it.
 */
export function revalidateSecretProblem(): string | undefined {
  const given = configured();
  const problem = secretLengthProblem(given);
  if (problem && slot().reported !== given) {
    slot().reported = given;
    console.error(`[revalidate] ${problem}; POST /api/revalidate answers 503 to every request until it is replaced`);
  }
  return problem;
}

/**
 * The answer to every POST /api/revalidate while REVALIDATE_SECRET is too short (the length
 * itself is only in the log), else undefined.
 */
export function misconfiguredSecretResponse(): Response | undefined {
  if (!revalidateSecretProblem()) return undefined;
  return new Response(
    `REVALIDATE_SECRET is too short: set one of at least ${MIN_SECRET_LENGTH} characters (for example: openssl rand -hex 24) and restart\n`,
    { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } },
  );
}

/**
 * The bearer token of POST /api/revalidate: REVALIDATE_SECRET when set (for git hooks and other
 * hosts), else a random token made per process, known only to this process's content watcher.
 * Throws when REVALIDATE_SECRET is too short: it is never used.
 */
export function revalidateSecret(): string {
  const problem = revalidateSecretProblem();
  if (problem) throw new Error(problem);
  return configured() ?? (slot().secret ??= randomBytes(24).toString('hex'));
}

/** Whether `header` carries the token; never with a too-short REVALIDATE_SECRET. */
export function isAuthorized(header: string | null): boolean {
  if (revalidateSecretProblem()) return false;
  const expected = Buffer.from(`Bearer ${revalidateSecret()}`);
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
