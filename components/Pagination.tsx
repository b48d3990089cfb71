import { useTranslations } from 'next-intl';
import { withPage } from '@/lib/paths';

/** Plain links to the neighbouring pages of a listing (or of search results, which name them their own way). */
export function Pagination({
  basePath,
  page,
  pageCount,
  labels,
}: {
  basePath: string;
  page: number;
  pageCount: number;
  labels?: { previous: string; next: string };
}) {
  const t = useTranslations('Pagination');
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t('label')} className="mt-8 flex items-center justify-between gap-4 border-t border-rule pt-4" data-component="pagination">
      {page > 1 ? (
        <a href={withPage(basePath, page - 1)} rel="prev" className="underline underline-offset-4">
          ← {labels?.previous ?? t('previous')}
        </a>
      ) : (
        <span />
      )}
      <span className="text-sm text-muted">{t('pageOf', { page, pageCount })}</span>
      {page < pageCount ? (
        <a href={withPage(basePath, page + 1)} rel="next" className="underline underline-offset-4">
          {labels?.next ?? t('next')} →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
