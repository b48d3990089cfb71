import { useLocale, useTranslations } from 'next-intl';
import { isLocale, routing, type Locale } from '@/i18n/routing';
import type { StoryTeaser } from '@/lib/content/teasers';
import { paths } from '@/lib/paths';
import { SearchBox } from './SearchBox';
import { SearchLatestStories } from './SearchLatestStories';

/**
 * The 404 page's own content: what happened, a search pre-filled with the words of the address
 * that was not found, the way home and the latest stories.
 */
export function NotFoundContent({ query, latest = [] }: { query?: string; latest?: StoryTeaser[] }) {
  const t = useTranslations('NotFound');
  const current = useLocale();
  const locale: Locale = isLocale(current) ? current : routing.defaultLocale;
  return (
    <div className="mx-auto max-w-2xl px-4 py-10" data-component="not-found">
      <h1 className="font-serif text-4xl font-bold">{t('title')}</h1>
      <p className="mt-4 text-lg">{t('body')}</p>
      <div className="mt-6" data-component="not-found-search">
        <SearchBox locale={locale} id="not-found-search" landmark={t('searchLabel')} label={t('searchHint')} defaultValue={query} visibleLabel />
      </div>
      <ul className="mt-6 flex gap-6">
        <li>
          <a href={paths.home(locale)} className="underline underline-offset-4">
            {t('home')}
          </a>
        </li>
        <li>
          <a href={paths.archive(locale)} className="underline underline-offset-4">
            {t('archive')}
          </a>
        </li>
      </ul>
      <SearchLatestStories heading={t('latest')} stories={latest} />
    </div>
  );
}
