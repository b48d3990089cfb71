import type { z } from 'zod';
import type { FrontMatterFile } from './frontMatter';
import { isProblemCode } from './problemCatalog';
import type { ContentProblem } from './types';

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), data);
}

/** Problems from a failed front matter parse: the schema's messages are problem codes. */
export function zodProblems(error: z.ZodError, file: string, source: FrontMatterFile): ContentProblem[] {
  return error.issues.map((issue): ContentProblem => {
    const at = { file, line: source.lineOf(issue.path), field: issue.path.join('.') || undefined };
    if (issue.code === 'unrecognized_keys') {
      return { ...at, code: 'field.unknown', params: { keys: issue.keys.map((k) => `"${k}"`).join(', ') } };
    }
    if (issue.code === 'invalid_type' && valueAt(source.data, issue.path) === undefined) return { ...at, code: 'field.required' };
    if (isProblemCode(issue.message)) {
      const max = issue.code === 'too_big' ? { max: String(issue.maximum) } : undefined;
      return { ...at, code: issue.message, params: max };
    }
    return { ...at, code: 'field.invalid', params: { detail: issue.message } };
  });
}
