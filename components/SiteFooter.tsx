import { useTranslations } from 'next-intl';

export function SiteFooter({ year }: { year: number }) {
  const t = useTranslations('SiteFooter');
  return (
    <footer className="site-footer mt-16 border-t border-rule" data-component="site-footer">
      <div className="mx-auto max-w-6xl px-4 py-8 text-sm text-muted">
        <p>{t('about')}</p>
        <p className="mt-2">{t('copyright', { year })}</p>
      </div>
    </footer>
  );
}
