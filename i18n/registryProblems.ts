import { existsSync } from 'node:fs';
import path from 'node:path';
import { algorithms } from 'snowball-stemmers';
import { LOCALES, type LocaleEntry } from './locales.ts';

/**
 * What the registry names that this installation lacks: a Snowball stemmer snowball-stemmers does
 * not have, a card font file not in node_modules. Checked by `npm run content:check`, which every
 * build runs first (the registry is compiled into the build, so a changed entry needs one), and
 * which stops with a line per problem instead of search or every card failing at its first
 * request. The shape of the file is checked where it is read (i18n/locales.ts).
 */
export function registryProblems(projectRoot: string, locales: readonly LocaleEntry[] = LOCALES): string[] {
  const problems: string[] = [];
  const stemmers = algorithms();
  for (const [index, { code, analyzer, cardFonts }] of locales.entries()) {
    const at = `i18n/locales.json: locales.${index} (${code})`;
    if (analyzer.stemmer !== null && !stemmers.includes(analyzer.stemmer)) {
      problems.push(`${at}: analyzer.stemmer: "${analyzer.stemmer}" is not a Snowball stemmer; use one of ${stemmers.join(', ')}, or null`);
    }
    for (const role of ['headline', 'text'] as const) {
      const { package: pkg, subsets } = cardFonts[role];
      for (const subset of subsets) {
        for (const weight of role === 'headline' ? [700] : [400, 700]) {
          const file = path.join(projectRoot, 'node_modules', '@fontsource', pkg, 'files', `${pkg}-${subset}-${weight}-normal.woff`);
          if (!existsSync(file)) problems.push(`${at}: cardFonts.${role}: no ${path.relative(projectRoot, file)}; run npm install --save-exact @fontsource/${pkg}, or name a subset it has`);
        }
      }
    }
  }
  return problems;
}
