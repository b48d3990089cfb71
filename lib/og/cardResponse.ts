import { ImageResponse } from '@vercel/og';
import { LRUCache } from 'lru-cache';
import type { ReactElement } from 'react';
import { SERVED_BY_HEADER } from '../http/servedBy';
import { createWorkLimiter, LimiterBusyError, type WorkLimiter } from '../concurrency';
import { createSingleFlight, type SingleFlight } from '../singleFlight';
import { processSingleton } from '../process/registry';
import { cardFonts } from './fonts';

export const CARD_SIZE = { width: 1200, height: 630 } as const;
// Drawn cards kept in memory, by bytes (a card is 30 to 120 KB): about 300 to 1,000 cards.
const MAX_CACHED_BYTES = 32 * 1024 * 1024;
// A render takes a core for 100-400 ms: two at once at most, a short queue, then 503.
const RENDERS_AT_ONCE = 2;
const RENDERS_WAITING = 16;

interface CardRenderer {
  /** Rendered cards by key and version: a repeat request costs a lookup, not a render. */
  cache: LRUCache<string, Buffer>;
  /** Concurrent first requests for one card share one render. */
  flights: SingleFlight<Buffer>;
  limiter: WorkLimiter;
}

const renderer = () =>
  processSingleton<CardRenderer>('og:renderer', () => ({
    cache: new LRUCache<string, Buffer>({ maxSize: MAX_CACHED_BYTES, sizeCalculation: (png) => Math.max(1, png.length) }),
    flights: createSingleFlight(),
    limiter: createWorkLimiter({ concurrency: RENDERS_AT_ONCE, queueLimit: RENDERS_WAITING }),
  }));

/** One card's PNG: from memory, from a render under way, or from a new (capped) render. */
export async function cardPng(cacheKey: string, render: () => ReactElement | Promise<ReactElement>, cards = renderer()): Promise<Buffer> {
  const cached = cards.cache.get(cacheKey);
  if (cached) return cached;
  return cards.flights.run(cacheKey, () =>
    cards.limiter.run(async () => {
      const image = new ImageResponse(await render(), { ...CARD_SIZE, fonts: await cardFonts() });
      const png = Buffer.from(await image.arrayBuffer());
      cards.cache.set(cacheKey, png);
      return png;
    }),
  );
}

/**
 * A PNG card response. `version` is the hash of what the card shows: when the request asks for
 * that version (`?v=`), the response may be cached for a year; otherwise for a minute. A burst
 * past the render queue answers 503 with Retry-After; a render that fails answers 500 for this
 * image only, and says why in the log.
 */
export async function cardResponse(
  request: Request,
  key: string,
  version: string,
  render: () => ReactElement | Promise<ReactElement>,
): Promise<Response> {
  let png: Buffer;
  const cards = renderer();
  const fromMemory = cards.cache.has(`${key}@${version}`);
  try {
    png = await cardPng(`${key}@${version}`, render, cards);
  } catch (error) {
    if (error instanceof LimiterBusyError) {
      return new Response('Busy rendering cards: try again shortly\n', {
        status: 503,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '2' },
      });
    }
    console.error(`[og] card ${key} failed to render: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return new Response('Card image failed to render\n', {
      status: 500,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  const pinned = new URL(request.url).searchParams.get('v') === version;
  return new Response(new Uint8Array(png), {
    headers: {
      'content-type': 'image/png',
      [SERVED_BY_HEADER]: fromMemory ? 'memory' : 'render',
      'content-length': String(png.byteLength),
      'cache-control': pinned ? 'public, max-age=31536000, immutable' : 'public, max-age=60, stale-while-revalidate=300',
      etag: `"${version}"`,
    },
  });
}
