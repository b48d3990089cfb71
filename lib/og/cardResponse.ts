import { ImageResponse } from '@vercel/og';
import type { ReactElement } from 'react';
import { cardFonts } from './fonts';

export const CARD_SIZE = { width: 1200, height: 630 } as const;
const MAX_CACHED = 300;

// Rendered cards by key and version: a repeat request costs a map lookup, not a render.
const cache = new Map<string, Buffer>();

function remember(key: string, png: Buffer) {
  cache.delete(key);
  cache.set(key, png);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
}

/**
 * A PNG card response. `version` is the hash of what the card shows: when the request asks for
 * that version (`?v=`), the response may be cached for a year; otherwise for a minute. A render
 * that fails answers 500 for this image only, and says why in the log.
 */
export async function cardResponse(
  request: Request,
  key: string,
  version: string,
  render: () => ReactElement | Promise<ReactElement>,
): Promise<Response> {
  const cacheKey = `${key}@${version}`;
  let png = cache.get(cacheKey);
  if (!png) {
    try {
      const image = new ImageResponse(await render(), { ...CARD_SIZE, fonts: await cardFonts() });
      png = Buffer.from(await image.arrayBuffer());
      remember(cacheKey, png);
    } catch (error) {
      console.error(`[og] card ${key} failed to render: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return new Response('Card image failed to render\n', {
        status: 500,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
      });
    }
  }
  const pinned = new URL(request.url).searchParams.get('v') === version;
  return new Response(new Uint8Array(png), {
    headers: {
      'content-type': 'image/png',
      'content-length': String(png.byteLength),
      'cache-control': pinned ? 'public, max-age=31536000, immutable' : 'public, max-age=60, stale-while-revalidate=300',
      etag: `"${version}"`,
    },
  });
}
