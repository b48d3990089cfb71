import { createHash } from 'node:crypto';
import path from 'node:path';
import sharp from 'sharp';
import { readBytes } from './readFiles';
import type { StoryImage } from './types';

export type PhotoProbe = { state: 'ok'; image: StoryImage } | { state: 'not-an-image' } | { state: 'failed'; error: string } | { state: 'notRegular' };

/** A story's photo: its size, and a hash of its bytes that versions its URLs (cacheable forever). */
export async function probePhoto(root: string, slug: string, file: string): Promise<PhotoProbe> {
  const read = await readBytes(root, path.join('news', slug, file));
  if (read.state === 'absent') return { state: 'not-an-image' };
  if (read.state !== 'read') return read;
  const bytes = read.value;
  const meta = await sharp(bytes).metadata().catch(() => undefined);
  if (!meta?.width || !meta.height) return { state: 'not-an-image' };
  const version = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  return {
    state: 'ok',
    image: { file, url: `/media/${slug}/${file}?v=${version}`, version, bytes: bytes.byteLength, width: meta.width, height: meta.height },
  };
}
