import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LOCALES, localeEntryOf } from '../../i18n/locales';
import { processOpenedOnce } from '../process/registry';

export interface CardFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: 'normal';
}

type Role = 'headline' | 'text';

/** One @fontsource subset file the cards load: a family of its own per package and subset. */
export interface CardFontFile {
  family: string;
  role: Role;
  pkg: string;
  subset: string;
  weight: 400 | 700;
}

// Headlines are bold; the kicker and the footer are regular and bold.
const WEIGHTS: Record<Role, Array<400 | 700>> = { headline: [700], text: [400, 700] };

// satori reads WOFF, not WOFF2, and keeps one font per name and weight: each @fontsource subset
// gets its own family name, and a card lists them all so every script of every language has glyphs.
/** Every font file the languages of i18n/locales.json name for their cards, each once. */
export function cardFontFiles(): CardFontFile[] {
  const files = new Map<string, CardFontFile>();
  for (const { cardFonts } of LOCALES) {
    for (const role of ['headline', 'text'] as const) {
      const { package: pkg, subsets } = cardFonts[role];
      for (const subset of subsets) {
        for (const weight of WEIGHTS[role]) {
          const family = `${pkg} ${subset}`;
          files.set(`${family}:${weight}`, { family, role, pkg, subset, weight });
        }
      }
    }
  }
  return [...files.values()];
}

/**
 * The font-family list of a card in a language: that language's own families for the role first,
 * then every other language's, so a name in another script is drawn too (lib/og/cardText.ts drops
 * only what no loaded font has).
 */
export function cardFontStack(locale: string, role: Role): string {
  const own = localeEntryOf(locale).cardFonts[role];
  const families = [...own.subsets.map((subset) => `${own.package} ${subset}`), ...cardFontFiles().filter((file) => file.role === role).map((file) => file.family)];
  return [...new Set(families)].map((family) => `'${family}'`).join(', ');
}

/** The card fonts, read once per process from the npm font packages on disk; nothing comes from the network. */
export function cardFonts(): Promise<CardFont[]> {
  return processOpenedOnce('og:fonts', () =>
    Promise.all(
      cardFontFiles().map(async ({ family, pkg, subset, weight }) => ({
        name: family,
        weight,
        style: 'normal' as const,
        data: await readFile(path.join(/* turbopackIgnore: true */ process.cwd(), 'node_modules', '@fontsource', pkg, 'files', `${pkg}-${subset}-${weight}-normal.woff`)),
      })),
    ),
  );
}
