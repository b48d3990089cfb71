import { useTranslations } from 'next-intl';
import type { Locale } from '@/i18n/routing';
import type { SearchRequest } from '@/lib/search/query';
import { searchBase } from '@/lib/search/searchPath';
import type { Option } from '@/lib/search/searchView';

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
        <label htmlFor="search-query" className="w-full text-sm font-semibold">
          {t('queryLabel')}
        </label>
        <input
          id="search-query"
          type="search"
          name="q"
          defaultValue={request.text}
          maxLength={200}
          enterKeyHint="search"
          autoComplete="off"
          className="min-w-0 flex-1 rounded border border-muted bg-paper px-3 py-2 text-lg text-ink"
        />
        <button type="submit" className="rounded border border-ink bg-ink px-4 py-2 font-semibold text-paper">
          {t('submit')}
        </button>
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
