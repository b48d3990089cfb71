import { useTranslations } from 'next-intl';
import type { Locale } from '@/i18n/routing';
import { paths } from '@/lib/paths';
import { LocaleSwitcher } from './LocaleSwitcher';
import { SearchBox } from './SearchBox';

export interface SectionLink {
  slug: string;
  name: string;
}

export function SiteHeader({
  locale,
  sections,
  alternates,
}: {
  locale: Locale;
  sections: SectionLink[];
  alternates: Record<Locale, string>;
}) {
  const t = useTranslations('SiteHeader');
  const meta = useTranslations('Metadata');
  const search = useTranslations('Search');
  return (
    <header className="site-header border-b border-rule" data-component="site-header">
      <a href="#content" className="skip-link">
        {t('skipToContent')}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-baseline justify-between gap-4 px-4 py-4">
        <a href={paths.home(locale)} className="font-serif text-2xl font-bold tracking-tight" aria-label={t('home')}>
          {meta('siteName')}
        </a>
        <div className="flex flex-wrap items-center gap-4">
          <SearchBox locale={locale} id="site-search" landmark={search('formLabel')} label={search('inputLabel')} />
          <LocaleSwitcher current={locale} alternates={alternates} />
        </div>
      </div>
      <nav aria-label={t('sectionsLabel')} className="mx-auto max-w-6xl px-4 pb-3">
        <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm font-semibold uppercase tracking-wide">
          {sections.map((section) => (
            <li key={section.slug}>
              <a href={paths.section(locale, section.slug)} className="hover:underline underline-offset-4">
                {section.name}
              </a>
            </li>
          ))}
          <li>
            <a href={paths.archive(locale)} className="hover:underline underline-offset-4">
              {t('archive')}
            </a>
          </li>
        </ul>
      </nav>
    </header>
  );
}
