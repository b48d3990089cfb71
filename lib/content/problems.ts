import type { ContentProblem } from './types';

/** One line per problem: `news/slug/ru.md:3: date: must be ...`. The same text in every tool. */
export function formatProblem(problem: ContentProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return problem.field ? `${where}: ${problem.field}: ${problem.message}` : `${where}: ${problem.message}`;
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
