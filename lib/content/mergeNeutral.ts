import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { VersionFrontMatter } from './schema';
import type { ContentProblem } from './types';
import type { ParsedVersion } from './versionFile';

/** Facts that do not depend on language: written once, inherited by the sibling version. */
const NEUTRAL_FIELDS = ['date', 'updated', 'section', 'tags', 'editorsChoice', 'related', 'live', 'liveEnded'] as const;

export type NeutralFacts = Partial<Pick<VersionFrontMatter, (typeof NEUTRAL_FIELDS)[number]>> & { imageSrc?: string };

/** The version that carries the neutral facts: the one with a date, Russian first on a tie. */
export function pickOriginal(versions: ParsedVersion[]): ParsedVersion {
  return versions.find((v) => v.front.date !== undefined) ?? versions[0]!;
}

/** The neutral facts of a story from all its versions; a contradiction is a problem. */
export function mergeNeutral(versions: ParsedVersion[]): { neutral: NeutralFacts; problems: ContentProblem[] } {
  const neutral: Record<string, unknown> = {};
  const problems: ContentProblem[] = [];
  for (const field of [...NEUTRAL_FIELDS, 'imageSrc'] as const) {
    let holder: ParsedVersion | undefined;
    for (const version of versions) {
      const value = field === 'imageSrc' ? version.front.image?.src : version.front[field];
      if (value === undefined) continue;
      if (!holder) {
        holder = version;
        neutral[field] = value;
      } else if (!isDeepStrictEqual(neutral[field], value)) {
        const yamlPath = field === 'imageSrc' ? ['image', 'src'] : [field];
        problems.push({
          file: version.file,
          line: version.source.lineOf(yamlPath),
          field: yamlPath.join('.'),
          code: 'version.contradicts',
          params: { other: path.basename(holder.file), here: JSON.stringify(value), there: JSON.stringify(neutral[field]) },
        });
      }
    }
  }
  return { neutral: neutral as NeutralFacts, problems };
}
