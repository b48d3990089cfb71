import { useTranslations } from 'next-intl';

/** "Live" beside a story followed live now, wherever it is listed. */
export function LiveBadge() {
  const t = useTranslations('Live');
  return (
    <span className="me-2 rounded bg-accent px-1.5 py-0.5 align-middle text-xs font-bold uppercase tracking-wide text-paper" data-component="live-badge">
      {t('label')}
    </span>
  );
}
