import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomically } from '../fs/writeFileAtomically';
import type { Variant } from './photoRequest';
import { VARIANT_FORMATS, type VariantFormat } from './variantConfig';
import { readRegularFileInside } from './readRegularFile';
import { dataFolder } from '../config/dataFolder';

/**
 * Encoded variants on disk, `{DATA_DIR}/media-cache/{slug}/{version}-{width}.{format}`: each is
 * encoded once per machine and read back from then on. The name holds the photo's content hash,
 * so an entry never goes stale (a new photo is a new name) and instances sharing DATA_DIR share
 * the entries. Nothing is evicted: the allowed variants per photo version are fixed (at most 24),
 * and only an editor's new photo makes a new version.
 */
export function mediaCacheDir(): string {
  return dataFolder('media-cache');
}

// The slug is already a content folder name and the version a hex hash; checked again because
// they become path segments here, and a '..' must never reach one.
const SAFE_SLUG = /^[a-z0-9][a-z0-9-]{0,119}$/;
const SAFE_VERSION = /^[0-9a-f]{6,64}$/;

export interface VariantKey {
  slug: string;
  version: string;
  variant: Variant;
}

/** [folder, file name] of a variant under the cache root, or undefined for an unsafe key. */
export function variantCachePath({ slug, version, variant }: VariantKey): [string, string] | undefined {
  if (!SAFE_SLUG.test(slug) || !SAFE_VERSION.test(version)) return undefined;
  return [slug, `${version}-${variant.width}.${variant.format}`];
}

/** A cached variant's bytes, read with the same symlink and file-type checks as photos. */
export async function readCachedVariant(cacheDir: string, key: VariantKey): Promise<Buffer | undefined> {
  const segments = variantCachePath(key);
  return segments ? readRegularFileInside(cacheDir, segments) : undefined;
}

/** Stores a variant whole or not at all (another request or instance may be reading it). */
export async function writeCachedVariant(cacheDir: string, key: VariantKey, bytes: Uint8Array): Promise<void> {
  const segments = variantCachePath(key);
  if (segments) await writeFileAtomically(path.join(cacheDir, ...segments), bytes);
}

/** The variants of one photo version already on disk (none when its folder is missing or unsafe). */
export async function readyVariants(cacheDir: string, slug: string, version: string): Promise<Variant[]> {
  if (!SAFE_SLUG.test(slug) || !SAFE_VERSION.test(version)) return [];
  const names = await readdir(path.join(cacheDir, slug)).catch(() => [] as string[]);
  const pattern = new RegExp(`^${version}-(\\d{1,5})\\.(${VARIANT_FORMATS.join('|')})$`);
  return names.flatMap((name) => {
    const match = pattern.exec(name);
    return match ? [{ width: Number(match[1]), format: match[2] as VariantFormat }] : [];
  });
}
