import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { rememberFingerprint, storyFingerprint, type ContentFingerprints, type StoryFingerprint } from './diff';
import type { LastGood } from './lastGood';
import type { ContentProblem, LoadedContent, Story, Taxonomy } from './types';
import { dataFolder } from '../config/dataFolder';
import { settings } from '../config/settings';
import { writeFileAtomically } from '../fs/writeFileAtomically';

/**
 * The files that let an instance agree with the others after a restart:
 * - the content cache (under DATA_DIR, one per content root): the last load, with each story
 *   folder's signature, so a start-up re-reads only the folders that changed since;
 * - the last good versions of stories broken on disk (under DATA_DIR, one file per content root,
 *   shared by the instances of one machine), so a restart never turns them into 404s;
 * - the build's content fingerprints (beside the build), so stories edited since the build are
 *   re-rendered at start-up instead of serving the build's HTML.
 */

export function lastGoodFile(root: string): string {
  const id = createHash('sha1').update(root).digest('hex').slice(0, 12);
  return dataFolder(`last-good-${id}.json`);
}

export function contentCacheFile(root: string): string {
  const id = createHash('sha1').update(root).digest('hex').slice(0, 12);
  return dataFolder(`content-cache-${id}.v8`);
}

export function buildFingerprintsFile(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), settings().nextDistDir, 'content-fingerprints.json');
}

/** Fails with an error naming the file (a full disk's ENOSPC does not), its code kept. */
function writeAtomically(file: string, data: unknown, encode: (data: unknown) => string | Buffer = JSON.stringify): Promise<void> {
  return writeFileAtomically(file, encode(data));
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

interface LastGoodJson {
  taxonomy: Taxonomy;
  stories: Story[];
}

export async function readLastGood(file: string): Promise<LastGood | undefined> {
  const json = await readJson<LastGoodJson>(file);
  return json && { taxonomy: json.taxonomy, stories: new Map(json.stories.map((story) => [story.slug, story])) };
}

export function writeLastGood(file: string, taxonomy: Taxonomy, stories: Story[]): Promise<void> {
  return writeAtomically(file, { taxonomy, stories } satisfies LastGoodJson);
}

export function readBuildFingerprints(file = buildFingerprintsFile()): Promise<ContentFingerprints | undefined> {
  return readJson<ContentFingerprints>(file);
}

export function writeBuildFingerprints(fingerprints: ContentFingerprints, file = buildFingerprintsFile()): Promise<void> {
  return writeAtomically(file, fingerprints);
}

/** A load of a content root with each folder's signature: what a restart can reuse. */
export interface CachedLoad {
  loaded: LoadedContent;
  signatures: Map<string, string>;
}

interface ContentCacheData {
  format: 3;
  /** V8's serialization format may change with Node: another version's cache is not read. */
  node: string;
  taxonomy: Taxonomy;
  stories: Story[];
  /** Each story's fingerprint, in the order of `stories`. */
  fingerprints: StoryFingerprint[];
  problems: ContentProblem[];
  signatures: Array<[string, string]>;
}

/**
 * The whole file in one buffer, in as few reads as the kernel allows: readFile goes through the
 * thread pool in 512 KB pieces, which at start-up queue behind Next's own reads (a 120 MB cache
 * took a second of waiting).
 */
async function readWhole(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = Buffer.allocUnsafe(size);
    let offset = 0;
    while (offset < size) {
      const { bytesRead } = await handle.read(bytes, offset, size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return bytes.subarray(0, offset);
  } finally {
    await handle.close();
  }
}

/**
 * The cache is in V8's serialization format, not JSON: at 10,000 stories (120 MB, mostly
 * Cyrillic bodies) it reads in 1.0 s against 2.4 s for JSON, whose UTF-8 decoding dominates.
 * Anything unreadable (another Node, an older format, a torn file) is no cache: a full load.
 */
export async function readContentCache(file: string): Promise<CachedLoad | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readWhole(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const data = deserialize(bytes) as Partial<ContentCacheData> | undefined;
  if (data?.format !== 3 || data.node !== process.version || !data.stories || !data.fingerprints || !data.taxonomy || !data.problems || !data.signatures) return undefined;
  if (data.fingerprints.length !== data.stories.length) return undefined;
  data.stories.forEach((story, i) => rememberFingerprint(story, data.fingerprints![i]!));
  return {
    loaded: { taxonomy: data.taxonomy, problems: data.problems, stories: new Map(data.stories.map((story) => [story.slug, story])) },
    signatures: new Map(data.signatures),
  };
}

export function writeContentCache(file: string, { loaded, signatures }: CachedLoad): Promise<void> {
  const stories = [...loaded.stories.values()];
  const data: ContentCacheData = {
    format: 3,
    node: process.version,
    taxonomy: loaded.taxonomy,
    stories,
    fingerprints: stories.map(storyFingerprint),
    problems: loaded.problems,
    signatures: [...signatures],
  };
  return writeAtomically(file, data, serialize);
}
