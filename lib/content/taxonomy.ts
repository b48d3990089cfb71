import type { Locale } from '../../i18n/routing';
import type { Taxonomy } from './types';

// Own properties only: a URL like /ru/tag/constructor must not find Object.prototype.constructor.
export function sectionName(taxonomy: Taxonomy, slug: string, locale: Locale): string | undefined {
  return Object.hasOwn(taxonomy.sections, slug) ? taxonomy.sections[slug]?.[locale] : undefined;
}

export function tagName(taxonomy: Taxonomy, slug: string, locale: Locale): string | undefined {
  return Object.hasOwn(taxonomy.tags, slug) ? taxonomy.tags[slug]?.[locale] : undefined;
}

/** Sections in the order sections.yaml lists them, named in the UI locale. */
export function sectionLinks(taxonomy: Taxonomy, locale: Locale) {
  return Object.entries(taxonomy.sections).map(([slug, name]) => ({ slug, name: name[locale] ?? slug }));
}
