import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ContentFingerprints } from './diff';
import type { LastGood } from './lastGood';
import type { ContentProblem, LoadedContent, Story, Taxonomy } from './types';

/**
 * Two small files that let an instance agree with the others after a restart:
 * - the last good versions of stories broken on disk (under DATA_DIR, one file per content root,
 *   shared by the instances of one machine), so a restart never turns them into 404s;
 * - the build's content fingerprints (beside the build), so stories edited since the build are
 *   re-rendered at start-up instead of serving the build's HTML.
 */

function dataDir(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.DATA_DIR ?? '.data');
}

export function lastGoodFile(root: string): string {
  const id = createHash('sha1').update(root).digest('hex').slice(0, 12);
  return path.join(dataDir(), `last-good-${id}.json`);
}

export function contentCacheFile(root: string): string {
  const id = createHash('sha1').update(root).digest('hex').slice(0, 12);
  return path.join(dataDir(), `content-cache-${id}.json`);
}

export function buildFingerprintsFile(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.NEXT_DIST_DIR ?? '.next', 'content-fingerprints.json');
}

/** Fails with an error naming the file (a full disk's ENOSPC does not), its code kept. */
async function writeAtomically(file: string, data: unknown): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temporary, JSON.stringify(data));
    await rename(temporary, file);
  } catch (error) {
    // A full disk leaves a partly written file: give its space back.
    await rm(temporary, { force: true }).catch(() => undefined);
    const { message, code } = error as NodeJS.ErrnoException;
    throw Object.assign(new Error(`cannot write ${file}: ${message}`, { cause: error }), { code });
  }
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

interface ContentCacheJson {
  format: 1;
  taxonomy: Taxonomy;
  stories: Story[];
  problems: ContentProblem[];
  signatures: Array<[string, string]>;
}

export async function readContentCache(file: string): Promise<CachedLoad | undefined> {
  const json = await readJson<ContentCacheJson>(file);
  if (json?.format !== 1) return undefined;
  return {
    loaded: { taxonomy: json.taxonomy, problems: json.problems, stories: new Map(json.stories.map((story) => [story.slug, story])) },
    signatures: new Map(json.signatures),
  };
}

export function writeContentCache(file: string, { loaded, signatures }: CachedLoad): Promise<void> {
  const json: ContentCacheJson = {
    format: 1,
    taxonomy: loaded.taxonomy,
    stories: [...loaded.stories.values()],
    problems: loaded.problems,
    signatures: [...signatures],
  };
  return writeAtomically(file, json);
}
