import { createHash } from 'node:crypto';

/**
 * The version of a photo's bytes, computed as lib/content/photoProbe.ts does (a test holds the two
 * together). The media route checks the bytes it read against the version in the URL before it
 * caches a variant under that version: a photo replaced on disk before the content reload must not
 * be stored, forever, under its old version's name.
 */
export function photoVersion(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 12);
}
