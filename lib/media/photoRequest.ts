import { isResizable, VARIANT_FORMATS, variantWidthsFor, type VariantFormat } from './variantConfig';

/** A resized copy of a photo: one of the widths and formats lib/media/variantConfig.ts allows. */
export interface Variant {
  width: number;
  format: VariantFormat;
}

/**
 * A photo request's query, checked: what to serve (the original bytes, or a variant), or the
 * status to refuse it with. Pure, so every rule is tested without a server or an encoder.
 */
export type PhotoRequest =
  | { ok: true; version: string; variant?: Variant }
  | { ok: false; status: 400 | 404 | 422; message: string };

/** What the query is checked against: the photo's current version and its size. */
export interface PhotoFacts {
  version: string;
  width: number;
  height: number;
}

// Every parameter a photo URL may carry. Anything else (q=, a cache-buster) is a 400.
const KNOWN_PARAMETERS = new Set(['v', 'w', 'f']);
// Canonical decimal only: "0640" or "640.0" would be a second URL for the same bytes.
const DECIMAL = /^[1-9][0-9]{0,4}$/;

const badRequest = (message: string): PhotoRequest => ({ ok: false, status: 400, message: `Bad request: ${message}` });

/**
 * Photos are linked as `/media/{slug}/{file}?v={content hash}` (the original bytes) or with
 * `&w={width}&f={avif|webp|jpeg}` (a resized copy), and served as immutable. Only those URLs are
 * served: any other query would make a fresh cache entry in every cache in front of the site (and
 * here, a fresh encode), so unknown, repeated or malformed parameters are a 400, and a missing or
 * stale version a 404. Both are decided before any file is read or any pixel encoded.
 */
export function parsePhotoRequest(search: URLSearchParams, photo: PhotoFacts): PhotoRequest {
  for (const key of new Set(search.keys())) {
    if (!KNOWN_PARAMETERS.has(key)) return badRequest(`unknown parameter ${JSON.stringify(key)}`);
    if (search.getAll(key).length > 1) return badRequest(`${key} given twice`);
  }
  const variant = parseVariant(search, photo);
  if ('error' in variant) return badRequest(variant.error);
  const version = search.get('v');
  if (version !== photo.version) return { ok: false, status: 404, message: 'Not found: no such version of this photo' };
  if (variant.value && !isResizable(photo)) {
    // Refused from the probed size, before sharp opens the file (where limitInputPixels would
    // refuse it again); pages link only the original of such a photo (lib/media/variantUrls.ts).
    return { ok: false, status: 422, message: 'Unprocessable: this photo is too large to resize' };
  }
  return variant.value ? { ok: true, version, variant: variant.value } : { ok: true, version };
}

/** `w` and `f` come together or not at all; each must be one this photo has. */
function parseVariant(search: URLSearchParams, photo: PhotoFacts): { value?: Variant } | { error: string } {
  const width = search.get('w');
  const format = search.get('f');
  if (width === null && format === null) return {};
  if (width === null || format === null) return { error: 'w and f go together' };
  if (!DECIMAL.test(width) || !variantWidthsFor(photo.width).includes(Number(width))) {
    return { error: `w must be one of ${variantWidthsFor(photo.width).join(', ')} for this photo` };
  }
  if (!(VARIANT_FORMATS as readonly string[]).includes(format)) return { error: `f must be one of ${VARIANT_FORMATS.join(', ')}` };
  return { value: { width: Number(width), format: format as VariantFormat } };
}
