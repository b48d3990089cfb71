import { createHash } from 'node:crypto';
import { z } from 'zod';
import { routing } from '../../i18n/routing';
import { SLUG_PATTERN } from '../content/schema';
import { readBounded } from '../http/readBounded';
import { processSingleton } from '../process/registry';
import { siteOrigin } from '../site';
import { isBot } from './bots';
import { PEER_HEADER, readerAddress, readerNetworks, requestClientAddress } from './clientAddress';
import { LIMITER_DEADLINE_MS } from './deadlines';
import { dayKey } from './days';
import { isForeignBeacon } from './foreignBeacon';
import { ALLOWED, type RateLimiter } from './rateLimiter';
import { createHealth, storeHealth, unlessKnownDown, withDeadline } from './resilience';
import type { ReaderNetwork, ViewsStore } from './store';

const BEACON_SHAPE = `Bad request: expected JSON {"slug": "...", "locale": ${routing.locales.map((code) => `"${code}"`).join('|')}}`;

export const MAX_BEACON_BYTES = 1024;
// Redis's deadline: the beacon answers within 150 ms even when the store hangs.
const DEFAULT_DEADLINE_MS = 100;

const beaconBody = z
  .object({ slug: z.string().max(120).regex(SLUG_PATTERN), locale: z.enum(routing.locales) })
  .strict();

export interface BeaconContext {
  store: () => Promise<ViewsStore>;
  /** Whether a public story has this slug. */
  storyExists: (slug: string) => Promise<boolean>;
  now?: () => Date;
  trustedProxies?: string;
  /** Beacons per reader and window; no limit when absent or when it resolves to undefined. */
  limiter?: () => Promise<RateLimiter | undefined>;
  /** The site's public origin (SITE_URL); beacons from other sites' pages are refused. */
  siteOrigin?: string;
  /** Time the store gets for one beacon, salt and write together (lib/views/deadlines.ts). */
  deadlineMs?: number;
  /**
   * Whether the peer header comes from our launcher (which overwrites it on every request); under
   * any other launcher a client could send it and choose its address. Default true (tests).
   */
  peerHeaderTrusted?: boolean;
}

function answer(status: number, message?: string, headers: Record<string, string> = {}): Response {
  return new Response(message ? `${message}\n` : null, {
    status,
    headers: { 'cache-control': 'no-store', ...(message ? { 'content-type': 'text/plain; charset=utf-8' } : {}), ...headers },
  });
}

/** Salts cached per store and day: one store round trip a day per instance. */
function daySalt(store: ViewsStore, day: string): Promise<string> {
  const cache = processSingleton('views:salts', () => new WeakMap<ViewsStore, { day: string; salt: Promise<string> }>());
  const cached = cache.get(store);
  if (cached?.day === day) return cached.salt;
  // Yesterday's salt leaves memory with the first beacon of the day.
  const salt = store.salt(day);
  cache.set(store, { day, salt });
  salt.catch(() => {
    if (cache.get(store)?.salt === salt) cache.delete(store);
  });
  return salt;
}

const saltedHash = (salt: string, text: string) => createHash('sha256').update(`${salt}\n${text}`).digest('hex').slice(0, 32);

/** The day's anonymous reader: salt and address (an IPv6 household) hashed; the user agent is not part of it. */
export function readerHash(salt: string, address: string): string {
  return saltedHash(salt, readerAddress(address));
}

/** The reader's wider networks, hashed the same way, for their budgets (lib/views/readerBudgets.ts). */
export function networkHashes(salt: string, address: string): ReaderNetwork[] {
  return readerNetworks(address).map(({ width, network }) => ({ width, hash: saltedHash(salt, network) }));
}

const limiterHealth = () =>
  processSingleton('views:limiterHealth', () => createHealth('rate limiter', 'beacons are not rate limited'));

/**
 * Without the launcher's peer header the client's address is unknown (X-Forwarded-For alone can
 * be written by the client): nothing is counted, and that is said once per process.
 */
function warnNoPeerOnce() {
  const warned = processSingleton('views:noPeerWarned', () => ({ done: false }));
  if (warned.done) return;
  warned.done = true;
  console.error(
    `[views] a beacon came without ${PEER_HEADER}: views are not counted. Serve the site with scripts/server.mjs (npm start), which sets it from the TCP peer.`,
  );
}

/**
 * POST /api/views {"slug","locale"}: counts one view of a story. Answers 204 whether or not the
 * view was counted (bots, repeat readers and unknown addresses are not), 403 to other sites'
 * pages, 429 with Retry-After to a reader over the rate limit, 4xx for bodies that are not a beacon.
 * A failing or hanging store or limiter never makes it throw or wait: it is logged once and the
 * beacon still answers.
 */
export async function handleBeacon(request: Request, context: BeaconContext): Promise<Response> {
  if (isForeignBeacon(request.headers, request.url, context.siteOrigin ?? siteOrigin())) {
    return answer(403, "Forbidden: views are counted from the site's own pages only");
  }
  const text = await readBounded(request, MAX_BEACON_BYTES);
  if (text === undefined) return answer(413, `Payload too large: a view is at most ${MAX_BEACON_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return answer(400, BEACON_SHAPE);
  }
  const body = beaconBody.safeParse(json);
  if (!body.success) return answer(400, BEACON_SHAPE);
  if (!(await context.storyExists(body.data.slug))) return answer(404, 'No such story');

  if (isBot(request.headers.get('user-agent'))) return answer(204);
  const peer = context.peerHeaderTrusted === false ? undefined : request.headers.get(PEER_HEADER)?.trim();
  if (!peer) {
    warnNoPeerOnce();
    return answer(204);
  }
  const address = requestClientAddress(peer, request.headers.get('x-forwarded-for'), context.trustedProxies);
  if (!address) return answer(204);

  const day = dayKey((context.now ?? (() => new Date()))());
  // While the store is known to be down the beacon answers at once, and is tried in the background.
  return unlessKnownDown(storeHealth(), () => countView(context, body.data.slug, day, address), answer(204));
}

/** The store's part of a beacon: the day's reader, the rate limit, the write. */
async function countView(context: BeaconContext, slug: string, day: string, address: string): Promise<Response> {
  // One budget for the whole beacon, so a slow salt, limiter and write never add up.
  const endsAt = performance.now() + (context.deadlineMs ?? DEFAULT_DEADLINE_MS);
  const left = () => Math.max(1, endsAt - performance.now());
  const reader = await withDeadline<{ hash: string; networks: ReaderNetwork[] } | undefined>(
    async () => {
      const salt = await daySalt(await context.store(), day);
      return { hash: readerHash(salt, address), networks: networkHashes(salt, address) };
    },
    undefined,
    left(),
    "reading the day's salt",
    storeHealth(),
    // A new day's salt is written to the store.
    { provesRecovery: false, writes: true },
  );
  if (reader === undefined) return answer(204);

  // Keyed by the anonymous reader, so a shared limiter stores no address either. A limiter that
  // fails or is slow lets the view through: the limit protects the store, never the reader's page.
  const limiter = context.limiter;
  const verdict = limiter
    ? await unlessKnownDown(
        limiterHealth(),
        () => withDeadline(async () => (await limiter())?.hit(reader.hash) ?? ALLOWED, ALLOWED, Math.min(LIMITER_DEADLINE_MS, left()), 'rate limiting a beacon', limiterHealth()),
        ALLOWED,
      )
    : ALLOWED;
  if (!verdict.allowed) {
    return answer(429, `Too many views from this address: try again in ${verdict.retryAfterSeconds} s`, {
      'retry-after': String(verdict.retryAfterSeconds),
    });
  }

  await withDeadline(
    async () => (await context.store()).record({ slug, day, reader: reader.hash, networks: reader.networks }),
    false,
    left(),
    'recording a view',
    storeHealth(),
    { writes: true },
  );
  return answer(204);
}
