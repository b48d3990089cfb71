import { useTranslations } from 'next-intl';
import type { Locale } from '@/i18n/routing';
import { SEARCH_PAGE_SIZE } from '@/lib/search/runSearch';
import type { SearchView } from '@/lib/search/searchView';
import { Pagination } from './Pagination';
import { SearchFilters } from './SearchFilters';
import { SearchNoResults } from './SearchNoResults';
import { SearchResults } from './SearchResults';
import { SearchSummary } from './SearchSummary';

/** The search page below the header: the form, then results, or what to do when there are none. */
export function SearchPageContent({ locale, view }: { locale: Locale; view: SearchView }) {
  const t = useTranslations('Search');
  return (
    <section aria-labelledby="search-heading" className="max-w-3xl" data-component="search-page">
      <h1 id="search-heading" className="font-serif text-3xl font-bold">
        {t('heading')}
      </h1>
      <SearchFilters locale={locale} request={view.request} options={view.filterOptions} />
      <SearchSummary view={view} />
      {view.state === 'empty' && <p className="mt-6">{t('empty')}</p>}
      {(view.state === 'noResults' || view.state === 'noWords') && <SearchNoResults locale={locale} view={view} />}
      {view.state === 'pastEnd' && (
        <p className="mt-6">
          {t('pastEnd')}{' '}
          <a href={view.basePath} className="underline underline-offset-4">
            {t('firstPage')}
          </a>
        </p>
      )}
      {view.state === 'results' && (
        <>
          <SearchResults results={view.results} start={(view.page - 1) * SEARCH_PAGE_SIZE + 1} />
          <Pagination
            basePath={view.basePath}
            page={view.page}
            pageCount={view.pageCount}
            labels={{ previous: t('previousPage'), next: t('nextPage') }}
          />
        </>
      )}
    </section>
  );
}
