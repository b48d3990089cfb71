import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

/** The column beside the story on wide screens and after it on phones. */
export function SidebarColumn({ children }: { children: ReactNode }) {
  const t = useTranslations('Sidebar');
  return (
    <aside aria-label={t('label')} className="sidebar flex flex-col gap-8" data-component="sidebar">
      {children}
    </aside>
  );
}
