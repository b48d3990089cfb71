import { SERVED_BY_HEADER, type ServedBy } from '../http/servedBy';
import { imageContentType } from '../imageType';
import { mediaServices } from './mediaServices';
import { parsePhotoRequest, type Variant } from './photoRequest';
import { readRegularFileInside } from './readRegularFile';
import { standInBytes, variantBytes, type VariantServices } from './variantBytes';
import { STAND_IN_HEADER, STAND_IN_MAX_AGE_SECONDS, VARIANT_CONTENT_TYPES } from './variantConfig';

/** What serving a photo needs to know of its story: where it lives and the photo it names. */
export interface PhotoOwner {
  slug: string;
  image?: { file: string; version: string; width: number; height: number };
}

function refuse(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/** The URL names the photo's content hash (and the variant): those bytes never change. */
function image(bytes: Uint8Array, contentType: string, servedBy: ServedBy, standIn?: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': contentType,
      [SERVED_BY_HEADER]: servedBy,
      // A stand-in is kept a minute only: the variant asked for is there soon after.
      'cache-control': standIn ? `public, max-age=${STAND_IN_MAX_AGE_SECONDS}` : 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      ...(standIn ? { [STAND_IN_HEADER]: standIn } : {}),
    },
  });
}

/**
 * GET /media/{slug}/{file}?v={version}[&w={width}&f={format}]: the photo a public story names, as
 * a regular file from its own folder under the content root, at its current version only; with
 * `w` and `f`, a resized copy of it (lib/media/variantBytes.ts). The format is in the URL, chosen
 * by the page's <picture> sources, so no response varies by Accept.
 */
export async function servePhoto(
  request: Request,
  story: PhotoOwner | undefined,
  file: string,
  contentRoot: string,
  services: VariantServices = mediaServices(),
): Promise<Response> {
  if (!story?.image || story.image.file !== file) return refuse(404, 'Not found');
  const query = parsePhotoRequest(new URL(request.url).searchParams, story.image);
  if (!query.ok) return refuse(query.status, query.message);
  if (query.variant) return serveVariant(story.slug, story.image.file, query.version, query.variant, contentRoot, services);
  const bytes = await readRegularFileInside(contentRoot, ['news', story.slug, story.image.file]);
  if (!bytes) return refuse(404, 'Not found');
  return image(bytes, imageContentType(file), 'render');
}

async function serveVariant(slug: string, file: string, version: string, variant: Variant, contentRoot: string, services: VariantServices) {
  const result = await variantBytes(services, contentRoot, { slug, version, variant }, file);
  switch (result.state) {
    case 'ok':
      return image(result.bytes, VARIANT_CONTENT_TYPES[variant.format], result.from === 'cache' ? 'media-cache' : 'render');
    case 'missing':
      return refuse(404, 'Not found');
    case 'busy':
      return standIn(slug, file, version, variant, contentRoot, services);
    case 'too-large':
      return refuse(422, 'Unprocessable: this photo is too large to resize');
    case 'failed':
      return refuse(500, 'This photo cannot be resized');
  }
}

/**
 * The encoder is full: the nearest variant on disk (`x-media-stand-in: 640.webp`), else the photo
 * itself (`original`), so a crawler or a link preview gets a photo, never an error.
 */
async function standIn(slug: string, file: string, version: string, variant: Variant, contentRoot: string, services: VariantServices) {
  const found = await standInBytes(services, contentRoot, { slug, version, variant }, file);
  if (!found) return refuse(404, 'Not found');
  return found.variant
    ? image(found.bytes, VARIANT_CONTENT_TYPES[found.variant.format], 'media-cache', `${found.variant.width}.${found.variant.format}`)
    : image(found.bytes, imageContentType(file), 'render', 'original');
}
