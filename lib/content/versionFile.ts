import type { Locale } from '../../i18n/routing';
import { parseFrontMatter, type FrontMatterFile } from './frontMatter';
import { readText, unreadableProblem } from './readFiles';
import { versionFrontMatter, type VersionFrontMatter } from './schema';
import type { ContentProblem } from './types';
import { zodProblems } from './zodProblems';

/** One version file, read and checked on its own (before its sibling is known). */
export interface ParsedVersion {
  locale: Locale;
  /** Relative to the content root: `news/{slug}/{locale}.md`. */
  file: string;
  front: VersionFrontMatter;
  source: FrontMatterFile;
}

export type VersionRead = { state: 'absent' } | { state: 'broken'; problems: ContentProblem[] } | { state: 'ok'; version: ParsedVersion };

export async function readVersion(root: string, slug: string, locale: Locale): Promise<VersionRead> {
  const file = `news/${slug}/${locale}.md`;
  const read = await readText(root, file);
  if (read.state === 'absent') return { state: 'absent' };
  const unreadable = unreadableProblem(file, read);
  if (read.state !== 'read') return { state: 'broken', problems: unreadable ? [unreadable] : [] };
  const parsed = parseFrontMatter(read.value, file);
  if (!parsed.ok) return { state: 'broken', problems: parsed.problems };
  const front = versionFrontMatter.safeParse(parsed.value.data);
  if (!front.success) return { state: 'broken', problems: zodProblems(front.error, file, parsed.value) };
  if (parsed.value.body.trim() === '') return { state: 'broken', problems: [{ file, code: 'body.empty' }] };
  return { state: 'ok', version: { locale, file, front: front.data, source: parsed.value } };
}
