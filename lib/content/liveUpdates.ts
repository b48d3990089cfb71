import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { LRUCache } from 'lru-cache';
import { routing, type Locale } from '../../i18n/routing';
import { mapWithLimit } from '../concurrency';
import { processSingleton } from '../process/registry';
import { parseFrontMatter } from './frontMatter';
import { renderMarkdown } from './markdown';
import { listFolder, readText, unreadableProblem } from './readFiles';
import { updateFrontMatter, type UpdateFrontMatter } from './schema';
import type { ContentProblem, LiveUpdate } from './types';
import { UPDATES_FOLDER } from './updatesFolder';
import { zodProblems } from './zodProblems';


// `2020-11-10T01-05-statement-signed.ru.md`: the local time (sorts the folder by time), an id, a language.
const UPDATE_FILE = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.([a-z]{2,3})\.md$/;

interface ParsedUpdate {
  id: string;
  locale: Locale;
  file: string;
  front: UpdateFrontMatter;
  lineOf: (path: string[]) => number | undefined;
  /** The body rendered (lib/content/markdown.ts). */
  html: string;
  text: string;
}

type UpdateRead = { update?: ParsedUpdate; problems: ContentProblem[] };

/** Update files read at once per story (story folders are read 32 at once: far below `ulimit -n`). */
const UPDATE_FILES_AT_ONCE = 8;

/**
 * Each update file as last parsed and rendered, by path, with the text it was made from. An
 * edit reloads the story's folder, and a big live story has thousands of updates: reading them
 * is cheap, parsing and rendering each again was not (2,000 updates: 260 ms per edit). A file
 * whose text is unchanged is not parsed again. Bounded by size (texts, HTML and the parsed front
 * matter: about four times the text).
 */
function parsedUpdates() {
  return processSingleton(
    'content:parsed-updates',
    () => new LRUCache<string, { source: string; read: UpdateRead }>({ maxSize: 64 * 1024 * 1024, sizeCalculation: (entry) => entry.source.length * 4 + 512 }),
  );
}

/** The facts of an update that do not depend on language: every language's file must agree. */
const SHARED_FIELDS = ['time', 'updated', 'keyEvent', 'pinned'] as const;

function fileNameProblem(file: string): ContentProblem {
  return { file, code: 'update.fileName', params: { locale: routing.defaultLocale, locales: routing.locales.join(', ') } };
}

async function readUpdate(root: string, folder: string, name: string): Promise<UpdateRead> {
  const file = `${folder}/${name}`;
  const match = UPDATE_FILE.exec(name);
  const locale = match?.[5];
  if (!match || !locale || !routing.locales.includes(locale)) return { problems: [fileNameProblem(file)] };
  const where = path.join(root, file);
  const read = await readText(root, file);
  if (read.state === 'absent') return { problems: [] };
  if (read.state !== 'read') return { problems: [unreadableProblem(file, read)!] };
  const kept = parsedUpdates().get(where);
  if (kept?.source === read.value) return kept.read;
  const made = parseUpdate(read.value, file, match, locale);
  parsedUpdates().set(where, { source: read.value, read: made });
  return made;
}

function parseUpdate(source: string, file: string, match: RegExpExecArray, locale: Locale): UpdateRead {
  const parsed = parseFrontMatter(source, file);
  if (!parsed.ok) return { problems: parsed.problems };
  const front = updateFrontMatter.safeParse(parsed.value.data);
  if (!front.success) return { problems: zodProblems(front.error, file, parsed.value) };
  if (parsed.value.body.trim() === '') return { problems: [{ file, code: 'update.bodyEmpty' }] };
  // The name carries the local time as written in `time`, so the folder lists updates in order.
  const named = `${match[1]}T${match[2]}:${match[3]}`;
  if (front.data.time.slice(0, 16) !== named) {
    return { problems: [{ file, line: parsed.value.lineOf(['time']), field: 'time', code: 'update.timeMismatch', params: { time: front.data.time, named } }] };
  }
  const body = renderMarkdown(parsed.value.body);
  return { update: { id: match[4]!, locale, file, front: front.data, lineOf: (p) => parsed.value.lineOf(p), html: body.html, text: body.text }, problems: [] };
}

/**
 * A story's updates from `news/{slug}/updates/`, oldest first, each with the languages it is
 * written in. An update may exist in one language only; where it exists in several, its time
 * and flags must agree. Absent folder: no updates.
 */
export async function readLiveUpdates(root: string, slug: string): Promise<{ updates: LiveUpdate[]; problems: ContentProblem[] }> {
  const folder = `news/${slug}/${UPDATES_FOLDER}`;
  const listing = await listFolder(path.join(root, folder));
  if (listing.state === 'absent') return { updates: [], problems: [] };
  if (listing.state === 'failed') return { updates: [], problems: [{ file: folder, code: 'folder.unreadable', params: { error: listing.error } }] };
  const problems: ContentProblem[] = [];
  const byId = new Map<string, ParsedUpdate[]>();
  // Only Markdown files: an editor's swap or backup files (.x.md.swp, x.md~, .DS_Store) are not updates.
  const files = listing.value.filter((e) => e.isFile() && e.name.endsWith('.md') && !e.name.startsWith('.'));
  const names = files.map((entry) => entry.name).sort((a, b) => a.localeCompare(b));
  for (const read of await mapWithLimit(names, UPDATE_FILES_AT_ONCE, (name) => readUpdate(root, folder, name))) {
    problems.push(...read.problems);
    if (read.update) byId.set(read.update.id, [...(byId.get(read.update.id) ?? []), read.update]);
  }
  const updates: LiveUpdate[] = [];
  for (const [id, files] of byId) {
    const [first, ...others] = files as [ParsedUpdate, ...ParsedUpdate[]];
    for (const other of others) {
      for (const field of SHARED_FIELDS) {
        if (isDeepStrictEqual(other.front[field], first.front[field])) continue;
        problems.push({
          file: other.file,
          line: other.lineOf([field]),
          field,
          code: 'version.contradicts',
          params: { other: path.basename(first.file), here: JSON.stringify(other.front[field] ?? null), there: JSON.stringify(first.front[field] ?? null) },
        });
      }
    }
    updates.push({
      id,
      time: first.front.time,
      published: Date.parse(first.front.time),
      updated: first.front.updated,
      keyEvent: first.front.keyEvent === true,
      pinned: first.front.pinned === true,
      versions: Object.fromEntries(
        files.map((file) => [file.locale, { headline: file.front.headline, author: file.front.author, bodyHtml: file.html, bodyText: file.text }]),
      ),
    });
  }
  updates.sort((a, b) => a.published - b.published || a.id.localeCompare(b.id));
  return { updates, problems };
}
