import type { ReactNode } from 'react';
import type { Locale } from '@/i18n/routing';
import { SiteFooter } from './SiteFooter';
import { SiteHeader, type SectionLink } from './SiteHeader';

/** Header, main and footer around a page's own content; the page says where the other languages have it. */
export function PageFrame({
  locale,
  sections,
  alternates,
  children,
}: {
  locale: Locale;
  sections: SectionLink[];
  alternates: Record<Locale, string>;
  children: ReactNode;
}) {
  return (
    <>
      <SiteHeader locale={locale} sections={sections} alternates={alternates} />
      <main id="content" tabIndex={-1} className="mx-auto max-w-6xl px-4 pt-6 outline-none">
        {children}
      </main>
      <SiteFooter year={new Date().getFullYear()} />
    </>
  );
}
