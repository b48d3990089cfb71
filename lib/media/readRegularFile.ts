import path from 'node:path';
import { readBytes } from '../content/readFiles';

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
