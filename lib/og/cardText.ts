import { readFileSync } from 'node:fs';
import path from 'node:path';
import { processSingleton } from '../process/registry';

/**
 * Text a card can draw with the bundled fonts only. For a character no loaded font has (Armenian,
 * Georgian, emoji, CJK), @vercel/og fetches a font or emoji from the network in the middle of the
 * render; where outbound traffic is blocked the render stalls. So characters outside the font
 * subsets the card loads (lib/og/fonts.ts: latin and cyrillic) are dropped before rendering.
 * The subsets' ranges are read from the @fontsource package that ships the font files.
 */
const SUBSETS = ['latin', 'cyrillic'];

export function parseUnicodeRanges(css: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const block of css.split('/*')) {
    const subset = /^\s*pt-sans-([a-z-]+)-400-normal\s*\*\//.exec(block)?.[1];
    if (!subset || !SUBSETS.includes(subset)) continue;
    const list = /unicode-range:\s*([^;]+);/.exec(block)?.[1] ?? '';
    for (const part of list.split(',')) {
      const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
      if (from) ranges.push([parseInt(from, 16), parseInt(to ?? from, 16)]);
    }
  }
  return ranges;
}

function supportedRanges(): Array<[number, number]> {
  return processSingleton('og:card-ranges', () =>
    parseUnicodeRanges(readFileSync(path.join(/* turbopackIgnore: true */ process.cwd(), 'node_modules', '@fontsource', 'pt-sans', '400.css'), 'utf8')),
  );
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

