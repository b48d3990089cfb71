import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { dataFolder } from '../config/dataFolder';
import { writeFileAtomically } from '../fs/writeFileAtomically';
import { readRegularFileInside } from '../media/readRegularFile';

/**
 * Drawn cards on disk, `{DATA_DIR}/card-cache/{kind}/{locale}[/{slug}]/{version}.png`: a card is
 * drawn once per machine and content version, and read back after a restart or by another
 * instance sharing DATA_DIR. The version is the hash of what the card shows, so an entry never
 * goes stale; a card's folder keeps its newest version only, so the cache holds one card per
 * story and language, whatever the number of edits.
 */
export function cardCacheDir(): string {
  return dataFolder('card-cache');
}

// Keys and versions become path segments: checked, so a '..' never reaches one.
const SAFE_SEGMENT = /^[a-z0-9][a-z0-9-]{0,119}$/;
const SAFE_VERSION = /^[0-9a-f]{6,64}$/;
/** A card file: its version, then .png. */
const CARD_FILE = /^[0-9a-f]{6,64}\.png$/;

/** The card's folder under the cache root ("story:ru:slug" → story/ru/slug), or undefined for an unsafe key. */
function cardFolder(key: string): string[] | undefined {
  const segments = key.split(':');
  return segments.every((segment) => SAFE_SEGMENT.test(segment)) ? segments : undefined;
}

/** The card at this version, read with the same symlink and file-type checks as photos. */
export async function readCachedCard(cacheDir: string, key: string, version: string): Promise<Buffer | undefined> {
  const folder = cardFolder(key);
  if (!folder || !SAFE_VERSION.test(version)) return undefined;
  return readRegularFileInside(cacheDir, [...folder, `${version}.png`]);
}

/** Any version of the card on disk: a stand-in while the renderer is full. */
export async function readAnyCachedCard(cacheDir: string, key: string): Promise<Buffer | undefined> {
  const folder = cardFolder(key);
  if (!folder) return undefined;
  const names = await readdir(path.join(cacheDir, ...folder)).catch(() => [] as string[]);
  const name = names.find((entry) => CARD_FILE.test(entry));
  return name ? readRegularFileInside(cacheDir, [...folder, name]) : undefined;
}

/** Stores the card whole or not at all, then removes its older versions. */
export async function writeCachedCard(cacheDir: string, key: string, version: string, png: Uint8Array): Promise<void> {
  const folder = cardFolder(key);
  if (!folder || !SAFE_VERSION.test(version)) return;
  const dir = path.join(cacheDir, ...folder);
  await writeFileAtomically(path.join(dir, `${version}.png`), png);
  for (const name of await readdir(dir)) {
    if (name !== `${version}.png` && CARD_FILE.test(name)) await rm(path.join(dir, name), { force: true });
  }
}
