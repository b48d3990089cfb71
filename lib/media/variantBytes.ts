import { LimiterBusyError, type WorkLimiter } from '../concurrency';
import { isPixelLimitError, type VariantEncoder } from './encodeVariant';
import { readPhotoAtVersion } from './readRegularFile';
import type { SingleFlight } from '../singleFlight';
import type { Variant } from './photoRequest';
import { readCachedVariant, readyVariants, variantCachePath, writeCachedVariant, type VariantKey } from './variantCache';
import type { VariantFormat } from './variantConfig';

/** What producing a variant needs; one set per process (lib/media/mediaServices.ts), fakes in tests. */
export interface VariantServices {
  cacheDir: string;
  encode: VariantEncoder;
  limiter: WorkLimiter;
  flights: SingleFlight<VariantResult>;
  /** Variants whose encode failed: the answer given, until when (ms); retried only after that. */
  failures: Map<string, RememberedFailure>;
  log: (message: string) => void;
  /** Set while the cache cannot be written (a full or read-only DATA_DIR): logged once, not per photo. */
  cacheWriteFailing?: boolean;
}

export type VariantResult =
  | { state: 'ok'; bytes: Buffer; from: 'cache' | 'encoder' }
  /** The photo is not on disk at this version (gone, a symlink, or replaced since the last load). */
  | { state: 'missing' }
  /** Too many encodes waiting: try again later. */
  | { state: 'busy' }
  | { state: 'too-large' }
  | { state: 'failed' };

export interface RememberedFailure {
  state: 'too-large' | 'failed';
  until: number;
}

// A failed encode fails again on the same bytes; remembering it for a while keeps a broken photo's
// URLs from costing a decode per request. Bounded, since keys are only current photos' variants.
const FAILURE_MEMORY_MS = 10 * 60_000;
const MAX_REMEMBERED_FAILURES = 1_000;

/**
 * A variant's bytes: from the disk cache when it is there (one file read), else encoded once for
 * all concurrent requests (single flight), under the process-wide cap on encodes, then stored.
 */
export async function variantBytes(services: VariantServices, contentRoot: string, key: VariantKey, file: string): Promise<VariantResult> {
  const cached = await readCachedVariant(services.cacheDir, key);
  if (cached) return { state: 'ok', bytes: cached, from: 'cache' };
  const segments = variantCachePath(key);
  if (!segments) return { state: 'missing' };
  const flightKey = segments.join('/');
  const failure = services.failures.get(flightKey);
  if (failure && failure.until > Date.now()) return { state: failure.state };
  return services.flights.run(flightKey, () =>
    services.limiter
      .run(() => encodeAndStore(services, contentRoot, key, file, flightKey))
      .catch((error: unknown) => {
        if (error instanceof LimiterBusyError) return { state: 'busy' } as const;
        throw error;
      }),
  );
}

async function encodeAndStore(services: VariantServices, contentRoot: string, key: VariantKey, file: string, flightKey: string): Promise<VariantResult> {
  // Another flight (or another instance sharing DATA_DIR) may have stored it while this one waited.
  const cached = await readCachedVariant(services.cacheDir, key);
  if (cached) return { state: 'ok', bytes: cached, from: 'cache' };
  const original = await readPhotoAtVersion(contentRoot, key.slug, file, key.version);
  if (!original) return { state: 'missing' };
  let bytes: Buffer;
  try {
    bytes = await services.encode(original, key.variant);
  } catch (error) {
    const tooLarge = isPixelLimitError(error);
    rememberFailure(services.failures, flightKey, tooLarge ? 'too-large' : 'failed');
    services.log(
      `media: cannot resize ${key.slug}/${file} (version ${key.version}) to ${key.variant.width} px ${key.variant.format}: ` +
        (tooLarge ? 'the photo exceeds the pixel limit (a decompression bomb?); replace it with a smaller file' : String(error)),
    );
    return { state: tooLarge ? 'too-large' : 'failed' };
  }
  // A cache that cannot be written (disk full, read-only DATA_DIR) costs speed, not the answer:
  // every write is tried, so caching resumes by itself; the outage and its end are logged once.
  await writeCachedVariant(services.cacheDir, key, bytes).then(
    () => {
      if (!services.cacheWriteFailing) return;
      services.cacheWriteFailing = false;
      services.log(`[media] resized photos are stored under ${services.cacheDir} again`);
    },
    (error: unknown) => {
      if (services.cacheWriteFailing) return;
      services.cacheWriteFailing = true;
      services.log(
        `[media] cannot store resized photos under ${services.cacheDir} (${error instanceof Error ? error.message : String(error)}): ` +
          'photos are still served, but each resized copy is encoded again on every request until the folder can be written',
      );
    },
  );
  return { state: 'ok', bytes, from: 'encoder' };
}

function rememberFailure(failures: Map<string, RememberedFailure>, key: string, state: RememberedFailure['state']): void {
  if (failures.size >= MAX_REMEMBERED_FAILURES) failures.clear();
  failures.set(key, { state, until: Date.now() + FAILURE_MEMORY_MS });
}

/** Formats a browser that asked for `format` can show: whatever a <picture> offered before it. */
const SHOWABLE_INSTEAD: Record<VariantFormat, VariantFormat[]> = { avif: ['avif', 'webp', 'jpeg'], webp: ['webp', 'jpeg'], jpeg: ['jpeg'] };

/**
 * Of the variants on disk, the one nearest to `asked`: a format the browser can show (its own
 * first), then the narrowest at least as wide, else the widest below.
 */
export function nearestVariant(asked: Variant, ready: readonly Variant[]): Variant | undefined {
  const formats = SHOWABLE_INSTEAD[asked.format];
  const rank = (variant: Variant) => [
    formats.indexOf(variant.format),
    variant.width >= asked.width ? 0 : 1,
    variant.width >= asked.width ? variant.width - asked.width : asked.width - variant.width,
  ];
  const byRank = (a: Variant, b: Variant) => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0]! - rb[0]! || ra[1]! - rb[1]! || ra[2]! - rb[2]!;
  };
  return ready.filter((variant) => formats.includes(variant.format)).sort(byRank)[0];
}

/**
 * What a photo request gets while the encoder is full, instead of an error (a crawler or a link
 * preview fetches every photo at once): the nearest variant already on disk, else the photo itself.
 */
export async function standInBytes(
  services: VariantServices,
  contentRoot: string,
  key: VariantKey,
  file: string,
): Promise<{ bytes: Buffer; variant?: Variant } | undefined> {
  const nearest = nearestVariant(key.variant, await readyVariants(services.cacheDir, key.slug, key.version));
  const bytes = nearest && (await readCachedVariant(services.cacheDir, { ...key, variant: nearest }));
  if (nearest && bytes) return { bytes, variant: nearest };
  const original = await readPhotoAtVersion(contentRoot, key.slug, file, key.version);
  return original && { bytes: original };
}
