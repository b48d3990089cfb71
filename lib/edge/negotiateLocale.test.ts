import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './negotiateLocale';

describe('negotiateLocale', () => {
  it('prefers the cookie', () => expect(negotiateLocale('en', 'ru-RU,ru')).toBe('en'));
  it('ignores an unknown cookie', () => expect(negotiateLocale('de', 'en-GB')).toBe('en'));
  it('follows Accept-Language quality order', () => {
    expect(negotiateLocale(undefined, 'de-DE,de;q=0.9,en;q=0.5,ru;q=0.7')).toBe('ru');
    expect(negotiateLocale(undefined, 'en-US,en;q=0.9')).toBe('en');
  });
  it('skips q=0 and falls back to ru', () => {
    expect(negotiateLocale(undefined, 'en;q=0, fr')).toBe('ru');
    expect(negotiateLocale(undefined, null)).toBe('ru');
  });
});
