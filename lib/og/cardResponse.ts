import { LRUCache } from 'lru-cache';
import type { ReactElement } from 'react';
import { SERVED_BY_HEADER, type ServedBy } from '../http/servedBy';
import { STAND_IN_MAX_AGE_SECONDS } from '../media/variantConfig';
import { workerDrawer, type CardDrawer } from './cardDrawer';
import { cardCacheDir, readAnyCachedCard, readCachedCard, writeCachedCard } from './cardCache';
import { createWorkLimiter, LimiterBusyError, type WorkLimiter } from '../concurrency';
import { createSingleFlight, type SingleFlight } from '../singleFlight';
import { processSingleton } from '../process/registry';
import { cardFonts } from './fonts';

export const CARD_SIZE = { width: 1200, height: 630 } as const;
/** Names a stand-in sent while the renderer is full: `older version` or `site card`. */
export const CARD_STAND_IN_HEADER = 'x-card-stand-in';
// Drawn cards kept in memory, by bytes (a card is 30 to 120 KB): about 300 to 1,000 cards.
const MAX_CACHED_BYTES = 32 * 1024 * 1024;
// A render takes a core for 100-400 ms: two at once at most, a short queue, then a stand-in.
const RENDERS_AT_ONCE = 2;
const RENDERS_WAITING = 16;

export interface CardRenderer {
  /** Rendered cards by key and version: a repeat request costs a lookup, not a render. */
  cache: LRUCache<string, Buffer>;
  /** Drawn cards on disk (lib/og/cardCache.ts), across restarts and instances. */
  cacheDir: string;
  /** Draws a card's PNG: in a worker thread, off the main thread that answers pages (lib/og/cardDrawer.ts). */
  drawer: CardDrawer;
  /** Concurrent first requests for one card share one render. */
  flights: SingleFlight<Drawn>;
  limiter: WorkLimiter;
  /** Set while the disk cache cannot be written: logged once, not per card. */
  diskWriteFailing?: boolean;
}

interface Drawn {
  png: Buffer;
  servedBy: ServedBy;
}

const renderer = () =>
  processSingleton<CardRenderer>('og:renderer', () => ({
    cache: new LRUCache<string, Buffer>({ maxSize: MAX_CACHED_BYTES, sizeCalculation: (png) => Math.max(1, png.length) }),
    cacheDir: cardCacheDir(),
    drawer: workerDrawer(cardFonts, CARD_SIZE),
    flights: createSingleFlight(),
    limiter: createWorkLimiter({ concurrency: RENDERS_AT_ONCE, queueLimit: RENDERS_WAITING }),
  }));

/** One card's PNG: from memory, from disk, from a render under way, or from a new (capped) render. */
export async function cardPng(key: string, version: string, render: () => ReactElement | Promise<ReactElement>, cards = renderer()): Promise<Drawn> {
  const cacheKey = `${key}@${version}`;
  const cached = cards.cache.get(cacheKey);
  if (cached) return { png: cached, servedBy: 'memory' };
  return cards.flights.run(cacheKey, async () => {
    const stored = await readCachedCard(cards.cacheDir, key, version);
    if (stored) {
      cards.cache.set(cacheKey, stored);
      return { png: stored, servedBy: 'media-cache' };
    }
    return cards.limiter.run(async () => {
      const png = await cards.drawer.draw(await render());
      cards.cache.set(cacheKey, png);
      await storeOnDisk(cards, key, version, png);
      return { png, servedBy: 'render' };
    });
  });
}

/** A disk that cannot be written costs a render after a restart, never the card: logged once, and its end. */
async function storeOnDisk(cards: CardRenderer, key: string, version: string, png: Buffer): Promise<void> {
  try {
    await writeCachedCard(cards.cacheDir, key, version, png);
    if (cards.diskWriteFailing) console.warn(`[og] drawn cards are stored under ${cards.cacheDir} again`);
    cards.diskWriteFailing = false;
  } catch (error) {
    if (!cards.diskWriteFailing) console.error(`[og] cannot store drawn cards under ${cards.cacheDir} (${error instanceof Error ? error.message : String(error)}): cards are still served, and drawn again after a restart`);
    cards.diskWriteFailing = true;
  }
}

/**
 * What a card request gets while the renderer is full, instead of an error (a crawler or a link
 * preview service asks for many cards at once): an older version of the same card on disk, else
 * the `standInKey` card (the site's card in the story's language), kept a minute.
 */
async function standIn(cards: CardRenderer, key: string, standInKey: string | undefined): Promise<Response | undefined> {
  for (const [candidate, name] of [[key, 'older version'], [standInKey, 'site card']] as const) {
    const png = candidate && (await readAnyCachedCard(cards.cacheDir, candidate));
    if (png) return pngResponse(png, 'media-cache', `public, max-age=${STAND_IN_MAX_AGE_SECONDS}`, { [CARD_STAND_IN_HEADER]: name });
  }
  return undefined;
}

function pngResponse(png: Buffer, servedBy: ServedBy, cacheControl: string, headers: Record<string, string> = {}): Response {
  return new Response(new Uint8Array(png), {
    headers: { 'content-type': 'image/png', [SERVED_BY_HEADER]: servedBy, 'content-length': String(png.byteLength), 'cache-control': cacheControl, ...headers },
  });
}

/**
 * A PNG card response. `version` is the hash of what the card shows: when the request asks for
 * that version (`?v=`), the response may be cached for a year; otherwise for a minute. A burst
 * past the render queue gets a stand-in (see `standIn`), or 503 with Retry-After when there is
 * none yet; a render that fails answers 500 for this image only, and says why in the log.
 */
export async function cardResponse(
  request: Request,
  key: string,
  version: string,
  render: () => ReactElement | Promise<ReactElement>,
  standInKey?: string,
  cards = renderer(),
): Promise<Response> {
  let drawn: Drawn;
  try {
    drawn = await cardPng(key, version, render, cards);
  } catch (error) {
    if (error instanceof LimiterBusyError) {
      return (
        (await standIn(cards, key, standInKey)) ??
        new Response('Busy rendering cards: try again shortly\n', {
          status: 503,
          headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '2' },
        })
      );
    }
    console.error(`[og] card ${key} failed to render: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return new Response('Card image failed to render\n', {
      status: 500,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  const pinned = new URL(request.url).searchParams.get('v') === version;
  return pngResponse(drawn.png, drawn.servedBy, pinned ? 'public, max-age=31536000, immutable' : 'public, max-age=60, stale-while-revalidate=300', { etag: `"${version}"` });
}
