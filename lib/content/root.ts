import { stat } from 'node:fs/promises';
import path from 'node:path';
import { settings } from '../config/settings';

// Its own module so the watcher (started from instrumentation.ts) does not pull in the loader's
// sharp, unified and yaml.

/** Where the content lives: CONTENT_DIR when set (tests, benchmarks), else ./content. */
export function contentRoot(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), settings().contentDir);
}

export async function contentRootExists(root: string): Promise<boolean> {
  return stat(root).then((s) => s.isDirectory()).catch(() => false);
}
