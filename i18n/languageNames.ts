import { localeEntryOf } from './locales';

/**
 * A language's name in the words of the page's language, from ICU's data (Intl.DisplayNames):
 * "армянский" on a Russian page, "Armenian" on an English one. A new language needs no entry in
 * every other language's messages for its name.
 */
export function languageNameIn(pageLocale: string, language: string): string {
  return new Intl.DisplayNames([localeEntryOf(pageLocale).intlLocale], { type: 'language' }).of(language) ?? language;
}

/** The language's own name (i18n/locales.json), as the switcher offers it: Հայերեն. */
export function ownLanguageName(language: string): string {
  return localeEntryOf(language).name;
}
