import { problemMessageRu } from './problemsRu';
import type { ContentProblem } from './types';

export type ProblemLanguage = 'en' | 'ru';

/** Russian where the editor's LANG says so (ru_RU.UTF-8 and the like), else English. */
export function problemLanguage(lang = process.env.LANG ?? ''): ProblemLanguage {
  return lang.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

/** One line per problem: `news/slug/ru.md:3: date: must be ...`. The same text in every tool. */
export function formatProblem(problem: ContentProblem, language: ProblemLanguage = 'en'): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const message = (language === 'ru' && problemMessageRu(problem.message)) || problem.message;
  return problem.field ? `${where}: ${problem.field}: ${message}` : `${where}: ${message}`;
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
