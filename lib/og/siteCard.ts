import type { Locale } from '../../i18n/routing';
import { cardVersion } from './cardVersion';

/** The default card (front page, listings): the site's name and description. */
export function siteCardFacts(locale: Locale, siteName: string, description: string) {
  const facts = { headline: description, kicker: siteName, siteName, lang: locale };
  return { ...facts, version: cardVersion(['site', locale, siteName, description]) };
}

export function siteCardPath(locale: Locale, version: string): string {
  return `/${locale}/opengraph-image?v=${version}`;
}
