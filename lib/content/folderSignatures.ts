import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { UPDATES_FOLDER } from './updatesFolder';

/**
 * A cheap fingerprint of each story folder (its files' names, sizes, times and inodes), to tell
 * which folders changed since a cached load without reading them. Taken before a folder is read,
 * so a write racing the read only makes the next comparison re-read it.
 *
 * Synchronous on purpose: tens of thousands of stat calls through libuv's thread pool cost about
 * 60 µs each here, direct calls a few µs, and this runs at start-up and on full reloads only.
 */
function readNames(folder: string): string[] {
  try {
    return readdirSync(folder).sort();
  } catch (error) {
    return [`unreadable:${(error as NodeJS.ErrnoException).code}`];
  }
}

export function folderSignature(root: string, slug: string): string {
  const folder = path.join(root, 'news', slug);
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch (error) {
    return `unreadable:${(error as NodeJS.ErrnoException).code}`;
  }
  // A live story's updates folder is signed file by file too: a new update changes the story.
  const updates = names.includes(UPDATES_FOLDER) ? readNames(path.join(folder, UPDATES_FOLDER)).map((name) => `${UPDATES_FOLDER}/${name}`) : [];
  return [...names, ...updates]
    .map((name) => {
      try {
        const s = statSync(path.join(folder, name));
        return `${name}:${s.size}:${s.mtimeMs}:${s.ino}`;
      } catch {
        return `${name}:?`;
      }
    })
    .join('|');
}

export async function folderSignatures(root: string, slugs: string[]): Promise<Map<string, string>> {
  const signatures = new Map<string, string>();
  for (const [i, slug] of slugs.entries()) {
    signatures.set(slug, folderSignature(root, slug));
    // Let requests and timers run between batches on a long walk.
    if (i % 2_000 === 1_999) await new Promise((resolve) => setImmediate(resolve));
  }
  return signatures;
}
