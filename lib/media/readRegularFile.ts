import path from 'node:path';
import { readBytes } from '../content/readFiles';
import { photoVersion } from './photoVersion';

/**
 * The bytes of a regular file under `root`, or undefined for anything else: the content loader's
 * own reader (lib/content/readFiles.ts), so a photo is read exactly as its story was. readFile
 * follows symlinks, so a committed photo replaced by a link to /proc/self/environ or to a file
 * outside the content would be served; here a symlink, a folder leading out, a FIFO, a device or
 * a directory is refused.
 */
export async function readRegularFileInside(root: string, segments: string[]): Promise<Buffer | undefined> {
  const read = await readBytes(root, path.join(...segments));
  return read.state === 'read' ? read.value : undefined;
}

/**
 * A story's photo at the version the content names, or undefined: read as above, and refused when
 * its bytes are another version (replaced on disk since the last load), so nothing made from it
 * (a resized copy, a stand-in, a card) is ever kept or sent under the old version's name.
 */
export async function readPhotoAtVersion(contentRoot: string, slug: string, file: string, version: string): Promise<Buffer | undefined> {
  const bytes = await readRegularFileInside(contentRoot, ['news', slug, file]);
  return bytes && photoVersion(bytes) === version ? bytes : undefined;
}
