import { localeEntryOf, DEFAULT_LOCALE } from '../../i18n/locales';
import type { Locale } from '../../i18n/routing';
import type { LocalizedName } from './schema';
import type { Taxonomy } from './types';

/**
 * A section's or tag's name in a language: its own, else the one in the language's `fallback`
 * (i18n/locales.json), else the default language's, which every entry has.
 */
export function localizedName(names: LocalizedName, locale: Locale): string {
  return names[locale] ?? names[localeEntryOf(locale).fallback ?? DEFAULT_LOCALE] ?? names[DEFAULT_LOCALE]!;
}

// Own properties only: a URL like /ru/tag/constructor must not find Object.prototype.constructor.
export function sectionName(taxonomy: Taxonomy, slug: string, locale: Locale): string | undefined {
  return Object.hasOwn(taxonomy.sections, slug) ? localizedName(taxonomy.sections[slug]!, locale) : undefined;
}

export function tagName(taxonomy: Taxonomy, slug: string, locale: Locale): string | undefined {
  return Object.hasOwn(taxonomy.tags, slug) ? localizedName(taxonomy.tags[slug]!, locale) : undefined;
}

/** Sections in the order sections.yaml lists them, named in the UI locale. */
export function sectionLinks(taxonomy: Taxonomy, locale: Locale) {
  return Object.entries(taxonomy.sections).map(([slug, names]) => ({ slug, name: localizedName(names, locale) }));
}
