import { constants } from 'node:fs';
import { lstat, open, realpath } from 'node:fs/promises';
import path from 'node:path';

/**
 * The bytes of a regular file under `root`, or undefined for anything else. readFile follows
 * symlinks, so a committed photo replaced by a link to /proc/self/environ or to a file outside
 * the content would be served: here the last component must not be a symlink (lstat, and
 * O_NOFOLLOW for the open itself), the opened file must be a regular file (not a FIFO, device or
 * directory; O_NONBLOCK so a FIFO cannot stall the open), and its real path must be inside the
 * root's real path (no symlinked folder leading out).
 */
export async function readRegularFileInside(root: string, segments: string[]): Promise<Buffer | undefined> {
  const target = path.resolve(root, ...segments);
  try {
    if ((await lstat(target)).isSymbolicLink()) return undefined;
    const [realRoot, realTarget] = await Promise.all([realpath(root), realpath(target)]);
    if (!realTarget.startsWith(realRoot + path.sep)) return undefined;
  } catch {
    return undefined;
  }
  const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
  const file = await open(target, flags).catch(() => undefined);
  if (!file) return undefined;
  try {
    if (!(await file.stat()).isFile()) return undefined;
    return await file.readFile();
  } catch {
    return undefined;
  } finally {
    await file.close();
  }
}
