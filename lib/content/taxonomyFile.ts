import path from 'node:path';
import { parseDocument } from 'yaml';
import { readText } from './readFiles';
import { taxonomyFile, type LocalizedName } from './schema';
import type { ContentProblem } from './types';

/** sections.yaml or tags.yaml: slug -> names in ru and en. Problems go to `problems`. */
export async function readTaxonomy(root: string, file: string, problems: ContentProblem[]): Promise<Record<string, LocalizedName>> {
  const read = await readText(path.join(root, file));
  if (read.state === 'absent') {
    problems.push({ file, code: 'taxonomy.missing' });
    return {};
  }
  if (read.state === 'failed') {
    problems.push({ file, code: 'file.unreadable', params: { error: read.error } });
    return {};
  }
  const doc = parseDocument(read.value, { prettyErrors: false });
  if (doc.errors.length > 0) {
    problems.push({ file, code: 'yaml.syntax', params: { detail: doc.errors[0]?.message.split('\n')[0] ?? '' } });
    return {};
  }
  const parsed = taxonomyFile.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ file, field: issue.path.join('.') || undefined, code: 'taxonomy.entry' });
    return {};
  }
  return parsed.data;
}
