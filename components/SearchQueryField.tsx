import { useTranslations } from 'next-intl';
import { QUERY_LIMITS } from '@/lib/search/query';

/**
 * The query row of a search form: its label, the browser's own search field (type="search": the
 * clear button, the keyboard's search key) named `q`, and the submit button. The header's box is
 * compact; the search page's own form is `large`.
 */
export function SearchQueryField({
  id,
  label,
  defaultValue,
  visibleLabel = false,
  large = false,
}: {
  /** Unique on the page: the header's box and a page's own may both be there. */
  id: string;
  label: string;
  defaultValue?: string;
  visibleLabel?: boolean;
  large?: boolean;
}) {
  const t = useTranslations('Search');
  return (
    <>
      <label htmlFor={id} className={visibleLabel ? 'w-full text-sm font-semibold' : 'sr-only'}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        name="q"
        defaultValue={defaultValue}
        maxLength={QUERY_LIMITS.chars}
        enterKeyHint="search"
        autoComplete="off"
        className={`min-w-0 flex-1 rounded border border-muted bg-paper ${large ? 'px-3 py-2 text-lg' : 'px-2 py-1'} text-ink`}
      />
      <button type="submit" className={`rounded border border-ink bg-ink ${large ? 'px-4 py-2' : 'px-3 py-1'} font-semibold text-paper`}>
        {t('submit')}
      </button>
    </>
  );
}
