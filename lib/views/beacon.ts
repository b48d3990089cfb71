import { createHash } from 'node:crypto';
import { z } from 'zod';
import { routing } from '../../i18n/routing';
import { SLUG_PATTERN } from '../content/schema';
import { readBounded } from '../http/readBounded';
import { isBot } from './bots';
import { clientAddress, PEER_HEADER, parseTrustedProxies } from './clientAddress';
import { dayKey } from './days';
import { withDeadline } from './resilience';
import type { ViewsStore } from './store';

export const MAX_BEACON_BYTES = 1024;
// The beacon answers within 150 ms even when the store hangs.
const STORE_DEADLINE_MS = 100;

const beaconBody = z
  .object({ slug: z.string().max(120).regex(SLUG_PATTERN), locale: z.enum(routing.locales) })
  .strict();

export interface BeaconContext {
  store: () => Promise<ViewsStore>;
  /** Whether a public story has this slug. */
  storyExists: (slug: string) => Promise<boolean>;
  now?: () => Date;
  trustedProxies?: string;
}

function answer(status: number, message?: string): Response {
  return new Response(message ? `${message}\n` : null, {
    status,
    headers: { 'cache-control': 'no-store', ...(message ? { 'content-type': 'text/plain; charset=utf-8' } : {}) },
  });
}

/** Salts cached per day: one store round trip a day per instance. */
const salts = new Map<string, Promise<string>>();
function daySalt(store: ViewsStore, day: string): Promise<string> {
  let salt = salts.get(day);
  if (!salt) {
    salts.clear();
    salt = store.salt(day);
    salts.set(day, salt);
    salt.catch(() => salts.delete(day));
  }
  return salt;
}

/**
 * POST /api/views {"slug","locale"}: counts one view of a story. Answers 204 whether or not the
 * view was counted (bots and repeat readers are not), 4xx for bodies that are not a beacon.
 */
export async function handleBeacon(request: Request, context: BeaconContext): Promise<Response> {
  const text = await readBounded(request, MAX_BEACON_BYTES);
  if (text === undefined) return answer(413, `Payload too large: a view is at most ${MAX_BEACON_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return answer(400, 'Bad request: expected JSON {"slug": "...", "locale": "ru"|"en"}');
  }
  const body = beaconBody.safeParse(json);
  if (!body.success) return answer(400, 'Bad request: expected JSON {"slug": "...", "locale": "ru"|"en"}');
  if (!(await context.storyExists(body.data.slug))) return answer(404, 'No such story');

  const userAgent = request.headers.get('user-agent');
  if (isBot(userAgent)) return answer(204);
  const forwarded = request.headers.get('x-forwarded-for');
  const peer = request.headers.get(PEER_HEADER) ?? forwarded?.split(',').pop()?.trim() ?? null;
  const address = clientAddress(peer, forwarded, parseTrustedProxies(context.trustedProxies ?? process.env.TRUSTED_PROXIES));
  if (!address) return answer(204);

  const day = dayKey((context.now ?? (() => new Date()))());
  await withDeadline(
    async () => {
      const store = await context.store();
      const salt = await daySalt(store, day);
      // No address is stored: only a hash that changes with the daily salt.
      const reader = createHash('sha256').update(`${salt}\n${address}\n${userAgent}`).digest('hex').slice(0, 32);
      return store.record({ slug: body.data.slug, day, reader });
    },
    false,
    STORE_DEADLINE_MS,
    'recording a view',
  );
  return answer(204);
}
