import { timingSafeEqual } from 'node:crypto';
import { MIN_SECRET_LENGTH, secretLengthProblem, settings } from '../config/settings';
import { processSingleton, processToken } from '../process/registry';

/** The problem last said in the log. */
const slot = () => processSingleton<{ reported?: string }>('revalidate:secret', () => ({}));

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
 * hosts), else this process's own random token (lib/process/registry.ts), known only to it.
 * Throws when REVALIDATE_SECRET is too short: it is never used.
 */
export function revalidateSecret(): string {
  const problem = revalidateSecretProblem();
  if (problem) throw new Error(problem);
  return configured() ?? processToken();
}

function carries(header: string | null, token: string): boolean {
  const expected = Buffer.from(`Bearer ${token}`);
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Whether `header` carries the token; never with a too-short REVALIDATE_SECRET. */
export function isAuthorized(header: string | null): boolean {
  if (revalidateSecretProblem()) return false;
  return carries(header, revalidateSecret());
}

/** Whether `header` carries this process's own token: its content watcher or its launcher asking. */
export function isProcessRequest(header: string | null): boolean {
  return carries(header, processToken());
}
