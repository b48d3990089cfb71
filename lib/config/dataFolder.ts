import path from 'node:path';
import { settings } from './settings';

/** DATA_DIR (or a path inside it), absolute: the caches and snapshots an instance writes. */
export function dataFolder(...inside: string[]): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), settings().dataDir, ...inside);
}
