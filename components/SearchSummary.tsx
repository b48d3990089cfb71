import { languageTag } from '@/i18n/locales';
import { useLocale, useTranslations } from 'next-intl';
import { languageNameIn } from '@/i18n/languageNames';
import { QUERY_LIMITS } from '@/lib/search/query';
import type { SearchView } from '@/lib/search/searchView';

/** How many stories matched, where else the query matches, and whether the query was cut. */
export function SearchSummary({ view }: { view: SearchView }) {
  const t = useTranslations('Search');
  const locale = useLocale();
  const counted = view.state === 'results' || view.state === 'pastEnd';
  return (
    <div className="mt-4 text-sm text-muted" data-component="search-summary">
      {view.shortened && (
        <p className="mb-2 rounded bg-notice px-3 py-2 text-ink" role="status" data-component="search-shortened">
          {t('shortened', { chars: QUERY_LIMITS.chars, terms: QUERY_LIMITS.terms })}
        </p>
      )}
      {counted && (
        <p role="status" data-component="search-count">
          {t('resultCount', { count: view.total })}
        </p>
      )}
      {view.elsewhere.map((other) => (
        <p key={other.locale} className="mt-1">
          <a href={other.href} hrefLang={languageTag(other.locale)} className="underline underline-offset-4" data-component="search-elsewhere">
            {t('elsewhere', { count: other.total, language: other.locale, languageName: languageNameIn(locale, other.locale) })}
          </a>
        </p>
      ))}
    </div>
  );
}
