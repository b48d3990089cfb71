import { useTranslations } from 'next-intl';
import type { Sidebars } from '@/lib/sidebars/sidebars';
import { SidebarList } from './SidebarList';

/** The column beside the story on wide screens and after it on phones: Related, Editor's choice, Popular. */
export function SidebarColumn({ sidebars }: { sidebars: Sidebars }) {
  const t = useTranslations('Sidebar');
  return (
    <aside aria-label={t('label')} className="sidebar flex flex-col gap-8" data-component="sidebar">
      <SidebarList id="related" title={t('related')} stories={sidebars.related} />
      <SidebarList id="editors-choice" title={t('editorsChoice')} stories={sidebars.editorsChoice} />
      <SidebarList id="popular" title={t('popular')} stories={sidebars.popular} />
    </aside>
  );
}
