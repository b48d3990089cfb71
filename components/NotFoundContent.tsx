import { useLocale, useTranslations } from 'next-intl';
import { isLocale } from '@/i18n/routing';
import { paths } from '@/lib/paths';

export function NotFoundContent() {
  const t = useTranslations('NotFound');
  const current = useLocale();
  const locale = isLocale(current) ? current : 'ru';
  return (
    <div className="mx-auto max-w-2xl px-4 py-16" data-component="not-found">
      <h1 className="font-serif text-4xl font-bold">{t('title')}</h1>
      <p className="mt-4 text-lg">{t('body')}</p>
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
    </div>
  );
}
