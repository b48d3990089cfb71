import { useTranslations } from 'next-intl';
import type { SearchResultView } from '@/lib/search/resultView';
import { SearchResultItem } from './SearchResultItem';

export function SearchResults({ results, start }: { results: SearchResultView[]; start: number }) {
  const t = useTranslations('Search');
  return (
    <ol start={start} aria-label={t('resultsLabel')} className="divide-y divide-rule" data-component="search-results">
      {results.map((result) => (
        <li key={result.slug} className="py-5">
          <SearchResultItem result={result} />
        </li>
      ))}
    </ol>
  );
}
