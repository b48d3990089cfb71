import type { SearchResultView } from '@/lib/search/resultView';
import { FormattedDate } from './FormattedDate';
import { SearchHighlight } from './SearchHighlight';

/** One result: section, headline and a snippet with the matched words marked, and the date. */
export function SearchResultItem({ result }: { result: SearchResultView }) {
  return (
    <article data-component="search-result">
      <p className="text-xs font-semibold uppercase tracking-wide text-accent">
        <a href={result.sectionHref} className="underline-offset-4 hover:underline">
          {result.sectionName}
        </a>
      </p>
      <h2 className="mt-1 font-serif text-xl font-bold leading-snug">
        <a href={result.href} className="underline-offset-4 hover:underline">
          <SearchHighlight segments={result.title} />
        </a>
      </h2>
      {result.snippet.length > 0 && (
        <p className="mt-1 text-muted" data-component="search-snippet">
          <SearchHighlight segments={result.snippet} />
        </p>
      )}
      <p className="mt-2 text-sm text-muted">
        <FormattedDate date={result.date} localDate={result.localDate} />
      </p>
    </article>
  );
}
