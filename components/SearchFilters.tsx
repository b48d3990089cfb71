import { useTranslations } from 'next-intl';
import type { Locale } from '@/i18n/routing';
import type { SearchRequest } from '@/lib/search/query';
import { searchBase } from '@/lib/search/searchPath';
import type { Option } from '@/lib/search/searchView';
import { SearchQueryField } from './SearchQueryField';

function Select({ name, label, all, options, value }: { name: string; label: string; all: string; options: Option[]; value?: string }) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-semibold">{label}</span>
      <select name={name} defaultValue={value ?? ''} className="rounded border border-muted bg-paper px-2 py-1 text-ink">
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The search page's own form: the query, filters and order, sent as a plain GET (no JavaScript needed). */
export function SearchFilters({
  locale,
  request,
  options,
}: {
  locale: Locale;
  request: SearchRequest;
  options: { sections: Option[]; tags: Option[]; years: Option[] };
}) {
  const t = useTranslations('Search');
  const { filters } = request;
  return (
    <form role="search" aria-label={t('pageFormLabel')} action={searchBase(locale)} method="get" className="mt-4 grid gap-4" data-component="search-filters">
      <div className="flex flex-wrap items-end gap-2">
        <SearchQueryField id="search-query" label={t('queryLabel')} defaultValue={request.text} visibleLabel large />
      </div>
      <div className="flex flex-wrap gap-4">
        <Select name="section" label={t('section')} all={t('allSections')} options={options.sections} value={filters.section} />
        <Select name="tag" label={t('tag')} all={t('allTags')} options={options.tags} value={filters.tag} />
        <Select name="year" label={t('year')} all={t('allYears')} options={options.years} value={filters.year?.toString()} />
        <Select
          name="sort"
          label={t('sort')}
          all={t('sortRelevance')}
          options={[{ value: 'date', label: t('sortDate') }]}
          value={request.sort === 'date' ? 'date' : undefined}
        />
      </div>
    </form>
  );
}
