import { describe, expect, it } from 'vitest';
import { localizedName, sectionName } from './taxonomy';
import type { Taxonomy } from './types';

describe('taxonomy names', () => {
  const taxonomy: Taxonomy = { sections: { politics: { ru: 'Политика', en: 'Politics', hy: 'Քաղաքականություն' }, energy: { ru: 'Энергетика', en: 'Energy' } }, tags: {} };

  it('names a section in the page language where it has a name there', () => {
    expect(sectionName(taxonomy, 'politics', 'hy')).toBe('Քաղաքականություն');
    expect(sectionName(taxonomy, 'politics', 'en')).toBe('Politics');
  });

  it('falls back to the default language where a language has no name (Armenian has no fallback of its own)', () => {
    expect(sectionName(taxonomy, 'energy', 'hy')).toBe('Энергетика');
    expect(localizedName({ ru: 'Газ' }, 'en')).toBe('Газ');
  });

  it('finds no inherited property for a slug', () => {
    expect(sectionName(taxonomy, 'constructor', 'ru')).toBeUndefined();
  });
});
