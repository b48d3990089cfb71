import { useLocale, useTranslations } from 'next-intl';
import { languageNameIn } from '@/i18n/languageNames';
import type { Locale } from '@/i18n/routing';

/** Shown in the UI language when a story is read in a locale it has no version for. */
export function UntranslatedNotice({ original }: { original: Locale }) {
  const t = useTranslations('Story');
  const locale = useLocale();
  return (
    <p role="note" className="mb-4 rounded border border-rule bg-notice px-4 py-3 text-sm" data-component="untranslated-notice">
      {t('untranslated', { language: languageNameIn(locale, original) })}
    </p>
  );
}
