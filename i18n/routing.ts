import { defineRouting } from 'next-intl/routing';

// The single source of locales: proxy, navigation, content and tests import it.
export const routing = defineRouting({
  locales: ['ru', 'en'],
  defaultLocale: 'ru',
  localePrefix: 'always',
  // hreflang alternates come from content (only the versions that exist), not from the proxy.
  alternateLinks: false,
});

export type Locale = (typeof routing.locales)[number];

export function isLocale(value: string): value is Locale {
  return (routing.locales as readonly string[]).includes(value);
}
