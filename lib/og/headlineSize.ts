/**
 * The largest headline size at which the text fits its box, judged by an average glyph width
 * (PT Serif Bold runs about 0.58 em a character in Cyrillic, less in Latin). satori then wraps at word boundaries; the card
 * also clamps lines, so an extreme headline is cut with an ellipsis instead of overflowing.
 */
/** `lines` is how many lines fit the box at that size: the clamp for the card. */
export function headlineSize(text: string, box: { width: number; height: number }): { fontSize: number; lines: number } {
  const sizes = [72, 64, 58, 52, 46, 40, 36, 32];
  const lineHeight = 1.15;
  for (const fontSize of sizes) {
    const perLine = Math.max(1, Math.floor(box.width / (fontSize * 0.58)));
    const lines = wrappedLines(text, perLine);
    if (lines * fontSize * lineHeight <= box.height) return { fontSize, lines: Math.floor(box.height / (fontSize * lineHeight)) };
  }
  const fontSize = sizes[sizes.length - 1]!;
  return { fontSize, lines: Math.floor(box.height / (fontSize * lineHeight)) };
}

function wrappedLines(text: string, perLine: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const length = Math.min(word.length, perLine);
    if (used === 0) used = length;
    else if (used + 1 + length <= perLine) used += 1 + length;
    else {
      lines += 1;
      used = length;
    }
  }
  return lines;
}
