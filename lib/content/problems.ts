import { PROBLEM_MESSAGES_EN, PROBLEM_MESSAGES_RU } from './problemCatalog';
import { printableLine } from '../security/printable';
import type { ContentProblem } from './types';
import { runtimeEnvironment } from '../config/settings';

export type ProblemLanguage = 'en' | 'ru';

const CATALOGS = { en: PROBLEM_MESSAGES_EN, ru: PROBLEM_MESSAGES_RU } as const;

/** The story folder a problem is about, if any: `news/{slug}/…` → slug. */
export function problemSlug(file: string): string | undefined {
  return /^news\/([^/]+)/.exec(file)?.[1];
}

/** Russian where the editor's LANG says so (ru_RU.UTF-8 and the like), else English. */
export function problemLanguage(lang = runtimeEnvironment.editorLanguage()): ProblemLanguage {
  return lang.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

/** The message of a problem in a language, its params filled in. */
export function problemMessage(problem: ContentProblem, language: ProblemLanguage = 'en'): string {
  const template: string = CATALOGS[language][problem.code];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => problem.params?.[name] ?? whole);
}

/** One line per problem: `news/slug/ru.md:3: date: must be ...`. The same text in every tool. */
export function formatProblem(problem: ContentProblem, language: ProblemLanguage = 'en'): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const message = problemMessage(problem, language);
  // Names and values in it come from the content: they must not break or forge the line.
  return printableLine(problem.field ? `${where}: ${problem.field}: ${message}` : `${where}: ${message}`);
}

export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `Content has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((problem) => `  ${formatProblem(problem)}`).join('\n') +
        '\nFix the files above (run "npm run content:check" to check again).',
    );
    this.name = 'ContentError';
  }
}
