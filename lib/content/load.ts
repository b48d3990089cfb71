import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { routing } from '../../i18n/routing';
import { mapWithLimit } from '../concurrency';
import { buildStory } from './buildStory';
import { mergeNeutral, pickOriginal } from './mergeNeutral';
import { probePhoto } from './photoProbe';
import { readLiveUpdates } from './liveUpdates';
import { listFolder } from './readFiles';
import { SLUG_PATTERN } from './schema';
import { readTaxonomy } from './taxonomyFile';
import type { ContentProblem, LoadedContent, Story, StoryImage, Taxonomy } from './types';
import { problemSlug } from './problems';
import { validateStory, type KnownTaxonomy } from './validateStory';
import { readVersion, type ParsedVersion } from './versionFile';

/** Story folders read at once: each holds a few files, so open files stay far below `ulimit -n` 1,024. */
const FOLDERS_AT_ONCE = 32;

const VERSION_FILES = routing.locales.map((locale) => `${locale}.md`);

export type StoryLoad = { story?: Story; problems: ContentProblem[] };

/**
 * Reads and checks story folders, results in the order of `slugs`: in this thread by default, or
 * spread over worker threads for a whole archive (lib/content/parallelFolders.ts).
 */
export type FolderReader = (root: string, slugs: string[], taxonomy: KnownTaxonomy, folders: ReadonlySet<string>) => Promise<StoryLoad[]>;

export const readFoldersHere: FolderReader = (root, slugs, taxonomy, folders) =>
  mapWithLimit(slugs, FOLDERS_AT_ONCE, (slug) => loadStory(root, slug, taxonomy, folders));

/** One story folder: absent (deleted meanwhile), a story, or its problems. */
export async function loadStory(root: string, slug: string, taxonomy: KnownTaxonomy, folders: ReadonlySet<string>): Promise<StoryLoad> {
  const folder = `news/${slug}`;
  if (!SLUG_PATTERN.test(slug) || slug.length > 120) return { problems: [{ file: folder, code: 'folder.badSlug' }] };
  const listing = await listFolder(path.join(root, folder));
  if (listing.state === 'absent') return { problems: [] };
  if (listing.state === 'failed') return { problems: [{ file: folder, code: 'folder.unreadable', params: { error: listing.error } }] };

  const problems: ContentProblem[] = [];
  for (const entry of listing.value) {
    if (entry.name.endsWith('.md') && !VERSION_FILES.includes(entry.name)) {
      problems.push({ file: `${folder}/${entry.name}`, code: 'version.unknownFile', params: { names: VERSION_FILES.join(', ') } });
    }
  }
  const versions: ParsedVersion[] = [];
  for (const locale of routing.locales) {
    const read = await readVersion(root, slug, locale);
    if (read.state === 'broken') problems.push(...read.problems);
    if (read.state === 'ok') versions.push(read.version);
  }
  if (problems.length > 0) return { problems };
  if (versions.length === 0) return { problems: [{ file: folder, code: 'story.noFile', params: { names: VERSION_FILES.join(', ') } }] };

  const { neutral, problems: contradictions } = mergeNeutral(versions);
  if (contradictions.length > 0) return { problems: contradictions };
  const original = pickOriginal(versions);
  problems.push(...validateStory({ slug, versions, original, neutral }, taxonomy, folders));

  let image: StoryImage | undefined;
  if (neutral.imageSrc) {
    const photo = await probePhoto(root, slug, neutral.imageSrc);
    const holder = versions.find((v) => v.front.image?.src) ?? original;
    const at = { file: holder.file, line: holder.source.lineOf(['image', 'src']), field: 'image.src' };
    if (photo.state === 'ok') image = photo.image;
    else if (photo.state === 'failed') problems.push({ ...at, code: 'file.unreadable', params: { error: photo.error } });
    else if (photo.state === 'notRegular') problems.push({ ...at, code: 'file.notRegular' });
    else problems.push({ ...at, code: 'image.unreadable', params: { value: neutral.imageSrc, folder } });
  }
  // A live story's updates (lib/content/liveUpdates.ts): a broken one keeps the whole story at its
  // last good version, as a broken version file does.
  const live = await readLiveUpdates(root, slug);
  problems.push(...live.problems);
  if (problems.length > 0 || !neutral.date || !neutral.section) return { problems };
  return { story: buildStory(slug, versions, original, { ...neutral, date: neutral.date, section: neutral.section }, image, live.updates), problems };
}

export interface ReuseOptions {
  /** An earlier load of the same root. */
  previous: LoadedContent;
  /** Whether a folder is unchanged since `previous`, so its story and problems can be kept. */
  unchanged: (slug: string) => boolean;
}

// A read that failed may succeed now (EMFILE, EIO), and a missing related story may have been
// added: such a folder is read again even when its own files did not change.
const RECHECKED = new Set(['file.unreadable', 'folder.unreadable', 'related.unknown']);

/** Whether an earlier load's result for a folder still holds: same files, same outside facts. */
function stillHolds(previous: LoadedContent, problems: ContentProblem[] | undefined, slug: string, folders: ReadonlySet<string>): boolean {
  if (problems?.some((p) => RECHECKED.has(p.code))) return false;
  return (previous.stories.get(slug)?.related ?? []).every((related) => folders.has(related));
}

/**
 * Reads and validates the content root with bounded parallelism, re-reading only the folders
 * `reuse` does not vouch for (a live edit touches one folder; a restart finds most unchanged).
 * Never throws for bad or unreadable content: it reports problems (and the repository keeps the
 * last good version).
 */
export async function loadContent(root: string, reuse?: ReuseOptions, readFolders: FolderReader = readFoldersHere): Promise<LoadedContent> {
  const problems: ContentProblem[] = [];
  const taxonomy: Taxonomy = {
    sections: await readTaxonomy(root, 'sections.yaml', problems),
    tags: await readTaxonomy(root, 'tags.yaml', problems),
  };
  // A broken sections.yaml is its own problem: not one more per story that names a section.
  const known: KnownTaxonomy = {
    sections: problems.some((p) => p.file === 'sections.yaml') ? undefined : taxonomy.sections,
    tags: problems.some((p) => p.file === 'tags.yaml') ? undefined : taxonomy.tags,
  };
  const news = await listFolder(path.join(root, 'news'));
  if (news.state === 'absent') problems.push({ file: 'news', code: 'news.missing', params: { root } });
  if (news.state === 'failed') problems.push({ file: 'news', code: 'folder.unreadable', params: { error: news.error } });
  const slugs = news.state === 'read' ? news.value.filter((e) => e.isDirectory()).map((e) => e.name).sort() : [];
  const folders = new Set(slugs);

  // Sections and tags decide whether a story is valid: when they change, every folder is checked.
  const canReuse = reuse && isDeepStrictEqual(reuse.previous.taxonomy, taxonomy) && problems.length === 0;
  const problemsBySlug = new Map<string, ContentProblem[]>();
  if (canReuse) {
    for (const problem of reuse.previous.problems) {
      const slug = problemSlug(problem.file);
      if (slug) problemsBySlug.set(slug, [...(problemsBySlug.get(slug) ?? []), problem]);
    }
  }
  const kept = (slug: string) => canReuse && reuse.unchanged(slug) && stillHolds(reuse.previous, problemsBySlug.get(slug), slug, folders);
  const toRead = slugs.filter((slug) => !kept(slug));
  const read = new Map((await readFolders(root, toRead, known, folders)).map((result, i) => [toRead[i]!, result]));
  const loaded = slugs.map((slug) => read.get(slug) ?? { story: reuse?.previous.stories.get(slug), problems: problemsBySlug.get(slug) ?? [] });
  const stories = new Map<string, Story>();
  for (const { story, problems: own } of loaded) {
    problems.push(...own);
    if (story) stories.set(story.slug, story);
  }
  // A story folder that is a link (to a folder elsewhere) is not read at all: said, not skipped.
  for (const entry of news.state === 'read' ? news.value : []) if (entry.isSymbolicLink()) problems.push({ file: `news/${entry.name}`, code: 'file.notRegular' });
  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { stories, taxonomy, problems };
}
