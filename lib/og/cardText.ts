import { readFileSync } from 'node:fs';
import path from 'node:path';
import { processSingleton } from '../process/registry';
import { cardFontFiles } from './fonts';

/**
 * Text a card can draw with the bundled fonts only. For a character no loaded font has (a script
 * no language of i18n/locales.json names a card font for, emoji, CJK), @vercel/og fetches a font
 * or emoji from the network in the middle of the render; where outbound traffic is blocked the
 * render stalls. So characters outside the font subsets the cards load (lib/og/fonts.ts) are
 * dropped before rendering. The subsets' ranges are read from the @fontsource packages that ship
 * the font files.
 */
export function parseUnicodeRanges(css: string, pkg: string, subsets: readonly string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const block of css.split('/*')) {
    const head = /^\s*([a-z0-9-]+)-400-normal\s*\*\//.exec(block)?.[1];
    const subset = head?.startsWith(`${pkg}-`) ? head.slice(pkg.length + 1) : undefined;
    if (!subset || !subsets.includes(subset)) continue;
    const list = /unicode-range:\s*([^;]+);/.exec(block)?.[1] ?? '';
    for (const part of list.split(',')) {
      const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
      if (from) ranges.push([parseInt(from, 16), parseInt(to ?? from, 16)]);
    }
  }
  return ranges;
}

function supportedRanges(): Array<[number, number]> {
  return processSingleton('og:card-ranges', () => {
    const subsetsOf = new Map<string, Set<string>>();
    for (const { pkg, subset } of cardFontFiles()) subsetsOf.set(pkg, (subsetsOf.get(pkg) ?? new Set()).add(subset));
    return [...subsetsOf].flatMap(([pkg, subsets]) =>
      parseUnicodeRanges(readFileSync(path.join(/* turbopackIgnore: true */ process.cwd(), 'node_modules', '@fontsource', pkg, '400.css'), 'utf8'), pkg, [...subsets]),
    );
  });
}

export function isDrawable(codePoint: number, within = supportedRanges()): boolean {
  return within.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/** The text with every character the card fonts cannot draw removed, spaces tidied. */
export function drawableText(text: string, within = supportedRanges()): string {
  let kept = '';
  for (const char of text) if (isDrawable(char.codePointAt(0)!, within)) kept += char;
  return kept.replace(/\s+/g, ' ').trim();
}
