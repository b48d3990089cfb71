import { useTranslations } from 'next-intl';
import type { Locale } from '@/i18n/routing';
import { searchBase } from '@/lib/search/searchPath';

/**
 * A plain GET form to the search page: it works without JavaScript, and the browser's own
 * search field (type="search") gives the clear button and the keyboard's search key.
 */
export function SearchBox({
  locale,
  id,
  landmark,
  label,
  defaultValue,
  visibleLabel = false,
}: {
  locale: Locale;
  /** Unique on the page: the header's box and a page's own may both be there. */
  id: string;
  /** Name of the search landmark (every search form on a page needs its own). */
  landmark: string;
  label: string;
  defaultValue?: string;
  visibleLabel?: boolean;
}) {
  const t = useTranslations('Search');
  return (
    <form role="search" aria-label={landmark} action={searchBase(locale)} method="get" className="flex flex-wrap items-end gap-2" data-component="search-box">
      <label htmlFor={id} className={visibleLabel ? 'w-full text-sm font-semibold' : 'sr-only'}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        name="q"
        defaultValue={defaultValue}
        maxLength={200}
        enterKeyHint="search"
        autoComplete="off"
        className="min-w-0 flex-1 rounded border border-muted bg-paper px-2 py-1 text-ink"
      />
      <button type="submit" className="rounded border border-ink bg-ink px-3 py-1 font-semibold text-paper">
        {t('submit')}
      </button>
    </form>
  );
}
