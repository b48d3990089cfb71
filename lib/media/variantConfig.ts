/**
 * The one place that says which resized photos exist. Everything that builds a variant URL
 * (lib/media/variantUrls.ts) or accepts one (lib/media/photoRequest.ts) reads these, so a page can
 * never link a variant the media route would refuse, and the route never encodes one no page links.
 */

/**
 * Widths a variant may have, in pixels. 160 covers the 80 px sidebar thumbnails at 2x; the rest
 * follow common device widths. Each width is at most three files per photo version on disk.
 */
export const VARIANT_WIDTHS = [160, 320, 640, 828, 1080, 1200, 1920] as const;

export const VARIANT_FORMATS = ['avif', 'webp', 'jpeg'] as const;
export type VariantFormat = (typeof VARIANT_FORMATS)[number];

export const VARIANT_CONTENT_TYPES: Record<VariantFormat, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpeg: 'image/jpeg',
};

/**
 * Encoder settings per format: Next's optimizer's at its default quality 75 (AVIF scaled to 47,
 * effort 3, which Next found to match WebP 75), so pages look as they did with next/image.
 * The quality is fixed here, not a URL parameter: a `q=` would multiply the variants.
 */
export const ENCODER_OPTIONS = {
  avif: { quality: 47, effort: 3 },
  webp: { quality: 75 },
  jpeg: { quality: 75, mozjpeg: true },
} as const;

/** The `<img src>` fallback for browsers without srcset: the widest variant up to this width. */
export const FALLBACK_WIDTH = 828;

/**
 * Photos with more pixels than this are not resized (a decompression bomb: a small file that
 * decodes to gigabytes). 40 MP is a 7,700 x 5,200 photo, above any camera a newsroom sends here.
 */
export const MAX_INPUT_PIXELS = 40_000_000;

/** Encodes at once, per process: one per core of the 2-core target machine. */
export const ENCODE_CONCURRENCY = 2;
/**
 * Encodes waiting for a slot (each waits at most seconds); past them a request gets a stand-in:
 * the nearest variant already encoded, or the photo itself (lib/media/servePhoto.ts).
 */
export const ENCODE_QUEUE_LIMIT = 32;
/** How long a stand-in may be kept (seconds), and the header that names it. */
export const STAND_IN_MAX_AGE_SECONDS = 60;
export const STAND_IN_HEADER = 'x-media-stand-in';
/** An encode that takes longer is abandoned (sharp's timeout), so a slot cannot be held forever. */
export const ENCODE_TIMEOUT_SECONDS = 20;

/**
 * The widths this photo has variants at: the configured ones below its own width, then its own
 * width when it is under the largest (a 1,000 px photo gets 160...828 and 1000, so its best
 * variant is not a downscale to 828). Nothing above the photo's own width: upscaling only makes
 * bigger files of the same detail. At most VARIANT_WIDTHS.length + 1 values, so the set of
 * variants per photo stays fixed and small.
 */
export function variantWidthsFor(photoWidth: number): number[] {
  if (!Number.isInteger(photoWidth) || photoWidth < 1) return [];
  const largest = Math.max(...VARIANT_WIDTHS);
  const below: number[] = VARIANT_WIDTHS.filter((width) => width < photoWidth);
  const top = Math.min(photoWidth, largest);
  return below.includes(top) ? below : [...below, top];
}

/** Whether resizing this photo is allowed at all (see MAX_INPUT_PIXELS). */
export function isResizable(photo: { width: number; height: number }): boolean {
  return photo.width > 0 && photo.height > 0 && photo.width * photo.height <= MAX_INPUT_PIXELS;
}
