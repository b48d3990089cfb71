import { parseDocument } from 'yaml';
import { readText, unreadableProblem } from './readFiles';
import { taxonomyFile, type LocalizedName } from './schema';
import type { ContentProblem } from './types';
import { DEFAULT_LOCALE, LOCALE_CODES } from '../../i18n/locales';

// What an entry needs and may have, for the messages: the registry's languages (i18n/locales.json).
const NAMES = {
  default: DEFAULT_LOCALE,
  others: LOCALE_CODES.filter((code) => code !== DEFAULT_LOCALE).join(', '),
  example: LOCALE_CODES.map((code) => `${code}: …`).join(', '),
};

/** sections.yaml or tags.yaml: slug -> a name per language (the default's required). Problems go to `problems`. */
export async function readTaxonomy(root: string, file: string, problems: ContentProblem[]): Promise<Record<string, LocalizedName>> {
  const read = await readText(root, file);
  if (read.state === 'absent') {
    problems.push({ file, code: 'taxonomy.missing', params: NAMES });
    return {};
  }
  if (read.state !== 'read') {
    problems.push(unreadableProblem(file, read)!);
    return {};
  }
  const doc = parseDocument(read.value, { prettyErrors: false });
  if (doc.errors.length > 0) {
    problems.push({ file, code: 'yaml.syntax', params: { detail: doc.errors[0]?.message.split('\n')[0] ?? '' } });
    return {};
  }
  const parsed = taxonomyFile.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ file, field: issue.path.join('.') || undefined, code: 'taxonomy.entry', params: NAMES });
    return {};
  }
  return parsed.data;
}
