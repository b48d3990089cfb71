import { describe, expect, it } from 'vitest';
import { printableLine } from './printable';

describe('printableLine', () => {
  it('writes line breaks, terminal escapes and bidi overrides as visible escapes', () => {
    expect(printableLine('a\nb\r\tc\u001b[2Jd\u0000e\u007ff\u0085g\u2028h\u2029i\u202ej\u2066k')).toBe(
      'a\\nb\\r\\tc\\u001b[2Jd\\u0000e\\u007ff\\u0085g\\u2028h\\u2029i\\u202ej\\u2066k',
    );
  });
  it('leaves ordinary text, Cyrillic and emoji alone', () => {
    expect(printableLine('news/история/ru.md:3: title: <b> "x" 😀')).toBe('news/история/ru.md:3: title: <b> "x" 😀');
  });
});
