import { defineRouting } from 'next-intl/routing';
import { DEFAULT_LOCALE, LOCALE_CODES } from './locales.ts';

// The locales of next-intl's routing, from the registry (i18n/locales.json): proxy, navigation,
// content and tests import it.
export const routing = defineRouting({
  locales: LOCALE_CODES as string[],
  defaultLocale: DEFAULT_LOCALE,
  localePrefix: 'always',
  // hreflang alternates come from content (only the versions that exist), not from the proxy.
  alternateLinks: false,
});

/** A language code the site has (i18n/locales.json); checked with `isLocale`. */
export type Locale = string;

export function isLocale(value: string): value is Locale {
  return LOCALE_CODES.includes(value);
}
