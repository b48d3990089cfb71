import { routing, isLocale, type Locale } from '../../i18n/routing';


/** The reader's locale where the URL has none: the NEXT_LOCALE cookie, then Accept-Language, then the default language (i18n/locales.json). */
export function negotiateLocale(cookieLocale: string | undefined, acceptLanguage: string | null): Locale {
  if (cookieLocale && isLocale(cookieLocale)) return cookieLocale;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { base: tag.toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.base).find(isLocale) ?? routing.defaultLocale;
}
