import { LOCALE_CODES } from '../../i18n/locales';
import type { NeutralFacts } from './mergeNeutral';
import type { ContentProblem, Taxonomy } from './types';
import type { ParsedVersion } from './versionFile';

/** Sections and tags to check against; undefined where the file itself is broken. */
export type KnownTaxonomy = { [K in keyof Taxonomy]?: Taxonomy[K] };

export interface StoryDraft {
  slug: string;
  versions: ParsedVersion[];
  original: ParsedVersion;
  neutral: NeutralFacts;
}

/**
 * The rules a story must meet once its versions are merged: required facts, known section and
 * tags, a described photo, sensible links and dates. Pure: reading files is the loader's job.
 */
export function validateStory(
  { slug, versions, original, neutral }: StoryDraft,
  taxonomy: KnownTaxonomy,
  /** The story folders under news/: a `related` slug must name one. */
  folders: ReadonlySet<string>,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const at = (version: ParsedVersion, field: string, yamlPath: PropertyKey[] = [field]) => ({
    file: version.file,
    line: version.source.lineOf(yamlPath),
    field,
  });
  if (neutral.date === undefined) {
    problems.push({ file: original.file, field: 'date', code: 'field.requiredInOne', params: { example: 'date: 2016-08-15T09:00:00+04:00' } });
  }
  if (neutral.section === undefined) {
    problems.push({ file: original.file, field: 'section', code: 'field.requiredInOne', params: { example: 'section: politics' } });
  } else if (taxonomy.sections && !taxonomy.sections[neutral.section]) {
    problems.push({
      ...at(original, 'section'),
      code: 'section.unknown',
      params: { value: neutral.section, known: Object.keys(taxonomy.sections).join(', ') },
    });
  }
  for (const tag of neutral.tags ?? []) {
    if (taxonomy.tags && !taxonomy.tags[tag]) problems.push({ ...at(original, 'tags'), code: 'tag.unknown', params: { value: tag, languages: LOCALE_CODES.join(', ') } });
  }
  const withImage = versions.filter((v) => v.front.image);
  if (withImage.length > 0 && !neutral.imageSrc) {
    problems.push({ ...at(withImage[0]!, 'image.src', ['image']), code: 'image.srcRequired' });
  }
  if (neutral.imageSrc) {
    for (const v of versions) if (!v.front.image) problems.push({ file: v.file, field: 'image.alt', code: 'image.altMissing' });
  }
  const relatedHolder = versions.find((v) => v.front.related) ?? original;
  if (neutral.related?.includes(slug)) problems.push({ ...at(relatedHolder, 'related'), code: 'related.self' });
  for (const related of neutral.related ?? []) {
    if (related !== slug && !folders.has(related)) problems.push({ ...at(relatedHolder, 'related'), code: 'related.unknown', params: { value: related } });
  }
  if (neutral.updated && neutral.date && Date.parse(neutral.updated) < Date.parse(neutral.date)) {
    problems.push({ file: original.file, field: 'updated', code: 'updated.beforeDate' });
  }
  return problems;
}
