import type { Locale } from '@/i18n/routing';
import { searchBase } from '@/lib/search/searchPath';
import { SearchQueryField } from './SearchQueryField';

/** A plain GET form to the search page (it works without JavaScript): the query field alone. */
export function SearchBox({
  locale,
  id,
  landmark,
  label,
  defaultValue,
  visibleLabel = false,
}: {
  locale: Locale;
  /** The field's id, unique on the page (see SearchQueryField). */
  id: string;
  /** Name of the search landmark (every search form on a page needs its own). */
  landmark: string;
  label: string;
  defaultValue?: string;
  visibleLabel?: boolean;
}) {
  return (
    <form role="search" aria-label={landmark} action={searchBase(locale)} method="get" className="flex flex-wrap items-end gap-2" data-component="search-box">
      <SearchQueryField id={id} label={label} defaultValue={defaultValue} visibleLabel={visibleLabel} />
    </form>
  );
}
