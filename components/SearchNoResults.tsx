import { useTranslations } from 'next-intl';
import type { Locale } from '@/i18n/routing';
import { paths } from '@/lib/paths';
import type { SearchView } from '@/lib/search/searchView';
import { SearchLatestStories } from './SearchLatestStories';

/** Nothing matched: say so, suggest a spelling the index knows, and offer the sections and the latest stories. */
export function SearchNoResults({ locale, view }: { locale: Locale; view: SearchView }) {
  const t = useTranslations('Search');
  return (
    <div className="mt-6" data-component="search-no-results">
      <p className="text-lg">{view.state === 'noWords' ? t('noWords') : t('noResults', { query: view.request.text })}</p>
      {view.suggestion && (
        <p className="mt-3">
          {t('didYouMean')}{' '}
          <a href={view.suggestion.href} className="font-semibold underline underline-offset-4" data-component="search-suggestion">
            {view.suggestion.text}
          </a>
        </p>
      )}
      <nav aria-labelledby="browse-sections" className="mt-6">
        <p id="browse-sections">{t('browseSections')}</p>
        <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
          {view.sections.map((section) => (
            <li key={section.slug}>
              <a href={paths.section(locale, section.slug)} className="underline underline-offset-4">
                {section.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <SearchLatestStories heading={t('latest')} stories={view.latest} />
    </div>
  );
}
