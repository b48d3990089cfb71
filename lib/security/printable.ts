// C0 and C1 controls (ESC starts terminal escape sequences; CR and LF end a line), DEL, the
// Unicode line and paragraph separators, and the bidirectional overrides that can make a line
// read differently from what it says ("Trojan Source").
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * One line of text that shows exactly what it contains: file names, field names and values
 * written by editors reach terminals and logs, and must not be able to start a forged line or
 * drive the terminal. Each such character is written as a visible escape, like `\n` or `\u001b`.
 */
export function printableLine(text: string): string {
  return text.replace(UNPRINTABLE, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    if (char === '\t') return '\\t';
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
