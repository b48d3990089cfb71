import { describe, expect, it } from 'vitest';
import { drawableText, parseUnicodeRanges } from './cardText';

describe('drawableText', () => {
  it('keeps Latin, Cyrillic, Armenian and punctuation, and drops what the bundled fonts cannot draw', () => {
    expect(drawableText('Россия и Азербайджан — «оборона» № 5')).toBe('Россия и Азербайджан — «оборона» № 5');
    expect(drawableText('Café, naïve – “quotes”')).toBe('Café, naïve – “quotes”');
    // Georgian (no language names a card font for it), emoji and CJK would make @vercel/og fetch
    // fonts from the network.
    expect(drawableText('Ереван Երևան Tbilisi თბილისი 🎉 東京')).toBe('Ереван Երևան Tbilisi');
  });

  it('reads the subsets from the font package CSS', () => {
    const css = `/* pt-sans-cyrillic-400-normal */ @font-face { unicode-range: U+0400-045F,U+2116; }
/* pt-sans-greek-400-normal */ @font-face { unicode-range: U+0370-03FF; }`;
    expect(parseUnicodeRanges(css, 'pt-sans', ['latin', 'cyrillic'])).toEqual([[0x400, 0x45f], [0x2116, 0x2116]]);
  });
});
