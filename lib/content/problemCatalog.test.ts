import { describe, expect, it } from 'vitest';
import { PROBLEM_MESSAGES_EN, PROBLEM_MESSAGES_RU, type ProblemCode } from './problemCatalog';
import { formatProblem } from './problems';

const params = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('problem catalog', () => {
  const codes = Object.keys(PROBLEM_MESSAGES_EN) as ProblemCode[];

  it('words every code in English and Russian with the same params', () => {
    expect(Object.keys(PROBLEM_MESSAGES_RU).sort()).toEqual([...codes].sort());
    for (const code of codes) {
      expect(params(PROBLEM_MESSAGES_RU[code]), code).toEqual(params(PROBLEM_MESSAGES_EN[code]));
      expect(PROBLEM_MESSAGES_RU[code], code).toMatch(/[а-яё]{3}/);
      expect(PROBLEM_MESSAGES_EN[code], code).not.toMatch(/[а-яё]{3}.*[а-яё]{3}.*[а-яё]{3}/);
    }
  });

  it('fills params into the line and keeps the place', () => {
    const problem = { file: 'news/a/ru.md', line: 4, field: 'section', code: 'section.unknown', params: { value: 'sport', known: 'politics' } } as const;
    expect(formatProblem(problem)).toBe('news/a/ru.md:4: section: "sport" is not in sections.yaml: use one of politics or add it there');
    expect(formatProblem(problem, 'ru')).toBe('news/a/ru.md:4: section: "sport" нет в sections.yaml: используйте один из разделов politics или добавьте его туда');
  });
});
