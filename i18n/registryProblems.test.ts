import { describe, expect, it } from 'vitest';
import { LOCALES, type LocaleEntry } from './locales';
import { registryProblems } from './registryProblems';

describe('registryProblems', () => {
  it('finds nothing missing for the languages the site has', () => {
    expect(registryProblems(process.cwd())).toEqual([]);
  });

  it('names an unknown stemmer and a card font that is not installed, with the fix', () => {
    const armenian = LOCALES.find((entry) => entry.code === 'hy')!;
    const broken: LocaleEntry = {
      ...armenian,
      code: 'ka',
      analyzer: { stemmer: 'georgian', stopWords: '' },
      cardFonts: { ...armenian.cardFonts, text: { package: 'noto-sans-armenian', subsets: ['georgian'] } },
    };
    const problems = registryProblems(process.cwd(), [...LOCALES, broken]);
    expect(problems[0]).toMatch(/^i18n\/locales\.json: locales\.3 \(ka\): analyzer\.stemmer: "georgian" is not a Snowball stemmer; use one of .*armenian.*, or null$/);
    expect(problems.slice(1)).toEqual([400, 700].map((weight) => `i18n/locales.json: locales.3 (ka): cardFonts.text: no node_modules/@fontsource/noto-sans-armenian/files/noto-sans-armenian-georgian-${weight}-normal.woff; run npm install --save-exact @fontsource/noto-sans-armenian, or name a subset it has`));
  });
});
