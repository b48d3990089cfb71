import { FALLBACK_WIDTH, isResizable, variantWidthsFor, type VariantFormat } from './variantConfig';

/** The photo as pages know it (a StoryImage): its versioned URL and its size. */
export interface PhotoForPage {
  /** `/media/{slug}/{file}?v={version}`, as lib/content/photoProbe.ts builds it. */
  url: string;
  version: string;
  width: number;
  height: number;
}

/** What a <picture> needs: one <source> per modern format, then the <img> (JPEG, or the original). */
export interface PhotoSources {
  sources: Array<{ type: string; srcSet: string }>;
  img: { src: string; srcSet?: string };
}

/** The URL of one variant, in the one parameter order pages use. */
export function variantUrl(photo: PhotoForPage, width: number, format: VariantFormat): string {
  const path = photo.url.split('?')[0];
  return `${path}?v=${encodeURIComponent(photo.version)}&w=${width}&f=${format}`;
}

function srcSet(photo: PhotoForPage, widths: number[], format: VariantFormat): string {
  return widths.map((width) => `${variantUrl(photo, width, format)} ${width}w`).join(', ');
}

/**
 * The widths worth listing for a photo never shown wider than `maxDisplayWidth` CSS pixels: up to
 * twice that (high-density screens) and one above. A sidebar thumbnail then lists one or two
 * URLs per format instead of seven, which keeps pages (and their hydration payload) small.
 */
function upTo(widths: number[], maxDisplayWidth: number | undefined): number[] {
  if (!maxDisplayWidth) return widths;
  const needed = maxDisplayWidth * 2;
  const within = widths.filter((width) => width <= needed);
  const above = widths.find((width) => width > needed);
  return above !== undefined && within.at(-1) !== needed ? [...within, above] : within.length > 0 ? within : widths.slice(0, 1);
}

/**
 * Photos shown at most this wide (CSS pixels) are thumbnails and get no AVIF source. AVIF saves
 * about 1 KB on a 320-pixel thumbnail against WebP, but a phone spends more time decoding it: on
 * Lighthouse's emulated phone, the front page's 17 AVIF thumbnails cost more main-thread time than
 * the same thumbnails in WebP (docs/images.md). Larger photos keep AVIF, where the bytes matter.
 */
export const THUMBNAIL_MAX_WIDTH = 240;

/**
 * The variant URLs of a photo for a <picture>: AVIF (not for thumbnails), then WebP (the browser
 * takes the first type it supports), then JPEG on the <img> for the rest, every one listing each
 * width the media route serves for this photo, so the browser picks by `sizes` and screen density.
 * A photo too large to resize gets its original only, which the route always serves.
 */
export function photoSources(photo: PhotoForPage, maxDisplayWidth?: number): PhotoSources {
  const widths = isResizable(photo) ? upTo(variantWidthsFor(photo.width), maxDisplayWidth) : [];
  if (widths.length === 0) return { sources: [], img: { src: photo.url } };
  const fallback = widths.filter((width) => width <= FALLBACK_WIDTH).pop() ?? widths[0]!;
  const thumbnail = maxDisplayWidth !== undefined && maxDisplayWidth <= THUMBNAIL_MAX_WIDTH;
  const formats: VariantFormat[] = thumbnail ? ['webp'] : ['avif', 'webp'];
  return {
    sources: formats.map((format) => ({ type: `image/${format}`, srcSet: srcSet(photo, widths, format) })),
    img: { src: variantUrl(photo, fallback, 'jpeg'), srcSet: srcSet(photo, widths, 'jpeg') },
  };
}
