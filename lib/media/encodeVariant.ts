import sharp from 'sharp';
import { ENCODE_TIMEOUT_SECONDS, ENCODER_OPTIONS, MAX_INPUT_PIXELS } from './variantConfig';
import type { Variant } from './photoRequest';

/** Turns a photo's bytes into one variant's bytes. Injected, so tests can count calls. */
export type VariantEncoder = (original: Uint8Array, variant: Variant) => Promise<Buffer>;

// One libvips thread per encode: the limiter already runs one encode per core, and more threads
// each would only fight over the same cores (and raise memory per encode). On glibc without
// jemalloc this is sharp's default anyway; setting it says so and keeps it on other systems.
sharp.concurrency(1);

/**
 * Resizes with sharp. `limitInputPixels` refuses a decompression bomb from its header, before
 * decoding (the route has usually refused it already from the probed size); `failOn: 'error'`
 * refuses corrupt or truncated data but not harmless warnings (odd metadata), which the browser
 * shows anyway in the original; `rotate()` applies EXIF orientation, since the output carries no
 * metadata; `withoutEnlargement` never upscales; the timeout frees a stuck slot.
 */
export const encodeVariant: VariantEncoder = async (original, { width, format }) => {
  let pipeline = sharp(original, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', sequentialRead: true })
    .timeout({ seconds: ENCODE_TIMEOUT_SECONDS })
    .rotate()
    .resize({ width, withoutEnlargement: true });
  if (format === 'avif') pipeline = pipeline.avif(ENCODER_OPTIONS.avif);
  else if (format === 'webp') pipeline = pipeline.webp(ENCODER_OPTIONS.webp);
  // JPEG has no alpha: a transparent PNG goes onto white, not libvips' default black.
  else pipeline = pipeline.flatten({ background: '#ffffff' }).jpeg(ENCODER_OPTIONS.jpeg);
  return pipeline.toBuffer();
};

/** Whether an encode failed because the input has too many pixels (sharp's message, 0.34). */
export function isPixelLimitError(error: unknown): boolean {
  return error instanceof Error && /pixel limit/i.test(error.message);
}
