import { languageTag } from '@/i18n/locales';
import { useTranslations } from 'next-intl';
import { languageNameIn, ownLanguageName } from '@/i18n/languageNames';
import { routing, type Locale } from '@/i18n/routing';

/** Plain links (no JavaScript needed) to this same page in the other locales. */
export function LocaleSwitcher({ current, alternates }: { current: Locale; alternates: Readonly<Record<Locale, string>> }) {
  const t = useTranslations('LocaleSwitcher');
  return (
    <nav aria-label={t('label')} data-component="locale-switcher">
      <ul className="flex gap-3 text-sm">
        {routing.locales
          .filter((locale) => locale !== current)
          .map((locale) => (
            <li key={locale}>
              <a
                href={alternates[locale]}
                hrefLang={languageTag(locale)}
                lang={languageTag(locale)}
                aria-label={t('switchTo', { language: languageNameIn(current, locale) })}
                className="underline-offset-4 hover:underline"
              >
                {ownLanguageName(locale)}
              </a>
            </li>
          ))}
      </ul>
    </nav>
  );
}
