import { PROBLEM_MESSAGES_EN, PROBLEM_MESSAGES_RU, type ProblemCode } from './problemCatalog';
import { printableLine } from '../security/printable';
import type { ContentProblem } from './types';
import { runtimeEnvironment } from '../config/settings';

/** A language with a catalog of problem messages; English is complete, the others may not be. */
export type ProblemLanguage = string;

// A new language's catalog may come later, or cover only some codes: English fills the rest.
const CATALOGS: Record<string, Partial<Record<ProblemCode, string>>> = { en: PROBLEM_MESSAGES_EN, ru: PROBLEM_MESSAGES_RU };

/** The story folder a problem is about, if any: `news/{slug}/…` → slug. */
export function problemSlug(file: string): string | undefined {
  return /^news\/([^/]+)/.exec(file)?.[1];
}

/** The catalog the editor's LANG names (ru_RU.UTF-8 → ru), else English. */
export function problemLanguage(lang = runtimeEnvironment.editorLanguage()): ProblemLanguage {
  const code = /^[a-z]{2,3}/.exec(lang.toLowerCase())?.[0];
  return code && Object.hasOwn(CATALOGS, code) ? code : 'en';
}

/** The message of a problem in a language, its params filled in. */
export function problemMessage(problem: ContentProblem, language: ProblemLanguage = 'en'): string {
  const template: string = CATALOGS[language]?.[problem.code] ?? PROBLEM_MESSAGES_EN[problem.code];
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
