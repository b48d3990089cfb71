import { describe, expect, it } from 'vitest';
import { hreflangAlternates } from './alternates';

describe('hreflangAlternates', () => {
  const path = (locale: string) => `/${locale}/news/x`;
  it('lists the versions that exist and x-default', () => {
    expect(hreflangAlternates(path, ['ru', 'en'], 'ru')).toEqual({ ru: '/ru/news/x', en: '/en/news/x', 'x-default': '/ru/news/x' });
  });
  it('leaves out a missing translation and points x-default at the original', () => {
    expect(hreflangAlternates(path, ['en'], 'en')).toEqual({ en: '/en/news/x', 'x-default': '/en/news/x' });
  });
});
