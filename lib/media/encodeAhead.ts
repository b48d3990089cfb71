import { setTimeout as sleep } from 'node:timers/promises';
import type { LoadedContent, Story } from '../content/types';
import { isPublic, type Visibility } from '../content/visibility';
import { processSingleton } from '../process/registry';
import { readyVariants } from './variantCache';
import { variantBytes, type VariantServices } from './variantBytes';
import { isResizable, variantWidthsFor, type VariantFormat } from './variantConfig';

/** A photo whose variants are encoded ahead: its story and the photo as the content names it. */
export interface AheadPhoto {
  slug: string;
  image: NonNullable<Story['image']>;
}

/** The photos of the `count` newest public stories, newest first (those readers and crawlers ask for first). */
export function photosToEncodeAhead(content: LoadedContent, visibility: Visibility, count: number): AheadPhoto[] {
  return [...content.stories.values()]
    .filter((story) => story.image && isResizable(story.image) && isPublic(story, visibility))
    .sort((a, b) => b.published - a.published || a.slug.localeCompare(b.slug))
    .slice(0, count)
    .map((story) => ({ slug: story.slug, image: story.image! }));
}

/** WebP first (what most browsers take), then AVIF, then JPEG. */
const AHEAD_FORMATS: readonly VariantFormat[] = ['webp', 'avif', 'jpeg'];

export interface EncodeAheadRun {
  /** Stops the run before its next encode (a newer content started another). */
  stillWanted: () => boolean;
  /** How long to wait while requests are queued for the encoder. */
  idleCheckMs?: number;
}

/**
 * Encodes every variant of these photos that is not on disk yet, one at a time, through the same
 * single flight and encoder slots as requests (a request for a variant being encoded ahead joins
 * it), and only while no request waits for a slot: readers come first, and one core at most goes
 * to work ahead. What is on disk is never encoded again, after a restart or by another instance
 * sharing DATA_DIR.
 */
export async function encodeAhead(photos: readonly AheadPhoto[], services: VariantServices, contentRoot: string, run: EncodeAheadRun): Promise<{ encoded: number }> {
  let encoded = 0;
  for (const { slug, image } of photos) {
    const ready = new Set((await readyVariants(services.cacheDir, slug, image.version)).map((variant) => `${variant.width}.${variant.format}`));
    for (const format of AHEAD_FORMATS) {
      for (const width of variantWidthsFor(image.width)) {
        if (ready.has(`${width}.${format}`)) continue;
        while (services.limiter.waiting > 0 || services.limiter.running > 0) {
          if (!run.stillWanted()) return { encoded };
          await sleep(run.idleCheckMs ?? 250, undefined, { ref: false });
        }
        if (!run.stillWanted()) return { encoded };
        const result = await variantBytes(services, contentRoot, { slug, version: image.version, variant: { width, format } }, image.file);
        if (result.state === 'ok' && result.from === 'encoder') encoded += 1;
        // A photo gone or replaced since this content was loaded: the next load starts again.
        if (result.state === 'missing') break;
      }
    }
  }
  return { encoded };
}

/**
 * Starts encoding ahead for this content in the background, replacing a run for an older one.
 * `count` newest stories (ENCODE_AHEAD_STORIES; 0: off). Logged when it encoded something.
 */
export function startEncodingAhead(content: LoadedContent, visibility: Visibility, count: number, services: VariantServices, contentRoot: string): void {
  const state = processSingleton('media:encode-ahead', () => ({ generation: 0 }));
  const generation = (state.generation += 1);
  if (count === 0) return;
  const photos = photosToEncodeAhead(content, visibility, count);
  const started = performance.now();
  void encodeAhead(photos, services, contentRoot, { stillWanted: () => state.generation === generation }).then(
    ({ encoded }) => {
      if (encoded > 0) services.log(`[media] encoded ${encoded} resized photos of the ${photos.length} newest stories ahead in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    },
    (error: unknown) => services.log(`[media] encoding photos ahead stopped: ${error instanceof Error ? error.message : String(error)}`),
  );
}
