import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { processOpenedOnce } from '../process/registry';

export interface CardFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: 'normal';
}

// satori reads WOFF, not WOFF2, and keeps one font per name and weight: each @fontsource subset
// gets its own family name, and the card lists them all so Latin and Cyrillic both have glyphs.
const FILES: Array<[name: string, pkg: string, file: string, weight: 400 | 700]> = [
  ['PT Serif Latin', 'pt-serif', 'pt-serif-latin-700-normal.woff', 700],
  ['PT Serif Cyrillic', 'pt-serif', 'pt-serif-cyrillic-700-normal.woff', 700],
  ['PT Sans Latin', 'pt-sans', 'pt-sans-latin-400-normal.woff', 400],
  ['PT Sans Cyrillic', 'pt-sans', 'pt-sans-cyrillic-400-normal.woff', 400],
  ['PT Sans Latin', 'pt-sans', 'pt-sans-latin-700-normal.woff', 700],
  ['PT Sans Cyrillic', 'pt-sans', 'pt-sans-cyrillic-700-normal.woff', 700],
];

export const SERIF_STACK = "'PT Serif Latin', 'PT Serif Cyrillic'";
export const SANS_STACK = "'PT Sans Latin', 'PT Sans Cyrillic'";

/** The card fonts, read once per process from the npm font packages on disk; nothing comes from the network. */
export function cardFonts(): Promise<CardFont[]> {
  return processOpenedOnce('og:fonts', () =>
    Promise.all(
      FILES.map(async ([name, pkg, file, weight]) => ({
        name,
        weight,
        style: 'normal' as const,
        data: await readFile(path.join(/* turbopackIgnore: true */ process.cwd(), 'node_modules', '@fontsource', pkg, 'files', file)),
      })),
    ),
  );
}
