import { processSingleton } from '../process/registry';
import { createWorkLimiter } from '../concurrency';
import { encodeVariant } from './encodeVariant';
import { createSingleFlight } from '../singleFlight';
import { ENCODE_CONCURRENCY, ENCODE_QUEUE_LIMIT } from './variantConfig';
import { mediaCacheDir } from './variantCache';
import type { VariantResult, VariantServices } from './variantBytes';

/**
 * The process's one encoder queue and one map of encodes under way: per process, not per bundle
 * (processSingleton), or the cap and the single flight would each exist once per route bundle.
 */
export function mediaServices(): VariantServices {
  return processSingleton<VariantServices>('media-variants', () => ({
    cacheDir: mediaCacheDir(),
    encode: encodeVariant,
    limiter: createWorkLimiter({ concurrency: ENCODE_CONCURRENCY, queueLimit: ENCODE_QUEUE_LIMIT }),
    flights: createSingleFlight<VariantResult>(),
    failures: new Map(),
    log: (message) => console.error(message),
  }));
}
