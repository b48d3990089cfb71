import { createWorkLimiter } from '../../concurrency';
import type { VariantEncoder } from '../encodeVariant';
import type { Variant } from '../photoRequest';
import { createSingleFlight } from '../../singleFlight';
import type { VariantResult, VariantServices } from '../variantBytes';

/** Media services for tests: a temporary cache folder and an encoder that counts its calls. */
export function fakeServices(
  cacheDir: string,
  { encode, concurrency = 2, queueLimit = 32 }: { encode?: VariantEncoder; concurrency?: number; queueLimit?: number } = {},
) {
  const calls: Variant[] = [];
  const logs: string[] = [];
  const inner: VariantEncoder = encode ?? (async (_original, variant) => Buffer.from(`${variant.format} ${variant.width}`));
  const services: VariantServices = {
    cacheDir,
    encode: (original, variant) => {
      calls.push(variant);
      return inner(original, variant);
    },
    limiter: createWorkLimiter({ concurrency, queueLimit }),
    flights: createSingleFlight<VariantResult>(),
    failures: new Map(),
    log: (message) => logs.push(message),
  };
  return { services, calls, logs };
}
