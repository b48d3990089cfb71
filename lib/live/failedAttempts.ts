import { processSingleton } from '../process/registry';
import { PEER_HEADER, requestClientAddress } from '../views/clientAddress';
import { createMemoryRateLimiter } from '../views/memoryRateLimiter';

/** Wrong secrets one client may send to POST /api/revalidate per minute. */
export const FAILED_ATTEMPTS_PER_MINUTE = 10;

const failures = () => processSingleton('revalidate:failedAttempts', () => createMemoryRateLimiter({ limit: FAILED_ATTEMPTS_PER_MINUTE, windowMs: 60_000 }));

/**
 * Who is asking: the client behind the trusted proxies (nginx's X-Forwarded-For), as the view
 * counter reads it, not the proxy itself, or one guesser behind nginx would lock every client
 * out (the deploy hook included) and every client would share one budget of guesses.
 */
export function revalidateClient(request: Request): string {
  const peer = request.headers.get(PEER_HEADER)?.trim() || 'unknown';
  return requestClientAddress(peer, request.headers.get('x-forwarded-for')) ?? peer;
}

const tooMany = (retryAfterSeconds: number) =>
  new Response('Too many failed attempts\n', { status: 429, headers: { 'retry-after': String(retryAfterSeconds), 'cache-control': 'no-store' } });

/**
 * 429 for a client already over its wrong guesses, asked before its secret is compared: during the
 * lockout even the right secret answers 429, so a guess cannot be confirmed by its answer.
 */
export function lockedOut(client: string): Response | undefined {
  const verdict = failures().peek(client);
  return verdict.allowed ? undefined : tooMany(verdict.retryAfterSeconds);
}

/** Counts a wrong secret: 401, or 429 once the client has used up its guesses. */
export async function wrongSecret(client: string): Promise<Response> {
  const verdict = await failures().hit(client);
  if (!verdict.allowed) return tooMany(verdict.retryAfterSeconds);
  return new Response('Unauthorized\n', { status: 401, headers: { 'www-authenticate': 'Bearer' } });
}
