import localFont from 'next/font/local';

// PT Serif / PT Sans were drawn for Cyrillic and Latin alike. @fontsource ships one file per
// subset, and one next/font family cannot give each file its unicode-range, so each subset is its
// own family and the CSS stacks them (Latin first, then Cyrillic). Only the Cyrillic families
// carry metric-matched fallbacks: a Latin fallback earlier in the stack would catch Cyrillic text.
// next/font reads its options statically: the ranges must be literals (from @fontsource's unicode.json).
// display 'optional' with preloading: the fonts are there at first paint on a normal connection,
// and where they are late the page keeps its fallback instead of shifting (no layout shift).

export const serifLatin = localFont({
  src: [
    { path: '../node_modules/@fontsource/pt-serif/files/pt-serif-latin-400-normal.woff2', weight: '400', style: 'normal' },
    { path: '../node_modules/@fontsource/pt-serif/files/pt-serif-latin-400-italic.woff2', weight: '400', style: 'italic' },
    { path: '../node_modules/@fontsource/pt-serif/files/pt-serif-latin-700-normal.woff2', weight: '700', style: 'normal' },
  ],
  variable: '--font-serif-latin',
  display: 'optional',
  adjustFontFallback: false,
  fallback: [],
  preload: true,
  declarations: [{ prop: 'unicode-range', value: 'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD' }],
});

export const serifCyrillic = localFont({
  src: [
    { path: '../node_modules/@fontsource/pt-serif/files/pt-serif-cyrillic-400-normal.woff2', weight: '400', style: 'normal' },
    { path: '../node_modules/@fontsource/pt-serif/files/pt-serif-cyrillic-400-italic.woff2', weight: '400', style: 'italic' },
    { path: '../node_modules/@fontsource/pt-serif/files/pt-serif-cyrillic-700-normal.woff2', weight: '700', style: 'normal' },
  ],
  variable: '--font-serif-cyrillic',
  display: 'optional',
  adjustFontFallback: 'Times New Roman',
  preload: true,
  declarations: [{ prop: 'unicode-range', value: 'U+0301, U+0400-045F, U+0490-0491, U+04B0-04B1, U+2116' }],
});

export const sansLatin = localFont({
  src: [
    { path: '../node_modules/@fontsource/pt-sans/files/pt-sans-latin-400-normal.woff2', weight: '400', style: 'normal' },
    { path: '../node_modules/@fontsource/pt-sans/files/pt-sans-latin-700-normal.woff2', weight: '700', style: 'normal' },
  ],
  variable: '--font-sans-latin',
  display: 'optional',
  adjustFontFallback: false,
  fallback: [],
  preload: true,
  declarations: [{ prop: 'unicode-range', value: 'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD' }],
});

export const sansCyrillic = localFont({
  src: [
    { path: '../node_modules/@fontsource/pt-sans/files/pt-sans-cyrillic-400-normal.woff2', weight: '400', style: 'normal' },
    { path: '../node_modules/@fontsource/pt-sans/files/pt-sans-cyrillic-700-normal.woff2', weight: '700', style: 'normal' },
  ],
  variable: '--font-sans-cyrillic',
  display: 'optional',
  adjustFontFallback: 'Arial',
  preload: true,
  declarations: [{ prop: 'unicode-range', value: 'U+0301, U+0400-045F, U+0490-0491, U+04B0-04B1, U+2116' }],
});

export const fontVariables = [serifLatin, serifCyrillic, sansLatin, sansCyrillic].map((font) => font.variable).join(' ');
