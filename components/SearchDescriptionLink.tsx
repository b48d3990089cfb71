import { useTranslations } from 'next-intl';
import type { Locale } from '@/i18n/routing';
import { OPENSEARCH_CONTENT_TYPE, openSearchPath } from '@/lib/search/searchPath';

/** Lets the browser offer the site's search in its address bar (OpenSearch). */
export function SearchDescriptionLink({ locale }: { locale: Locale }) {
  const t = useTranslations('Search');
  return <link rel="search" type={OPENSEARCH_CONTENT_TYPE} title={t('openSearchTitle')} href={openSearchPath(locale)} />;
}
