import { languageTag, localeEntryOf } from '../../i18n/locales';
import { routing, type Locale } from '../../i18n/routing';

/**
 * hreflang alternates for the versions that exist, plus x-default (the original, or the default
 * locale). Built from content, never assuming every page exists in every locale.
 */
export function hreflangAlternates(pathFor: (locale: Locale) => string, available: readonly Locale[], xDefault: Locale) {
  const languages: Record<string, string> = {};
  for (const locale of routing.locales) if (available.includes(locale)) languages[locale] = pathFor(locale);
  languages['x-default'] = pathFor(xDefault);
  return languages;
}

/** The same alternates keyed by BCP 47 tag (i18n/locales.json `hreflang`), as <link hreflang> wants them. */
export function byLanguageTag(alternates: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(alternates).map(([code, path]) => [languageTag(code), path]));
}

/** og:locale of a language (i18n/locales.json). */
export function ogLocale(locale: Locale): string {
  return localeEntryOf(locale).ogLocale;
}
