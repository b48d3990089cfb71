import { useTranslations } from 'next-intl';
import { FormattedDate } from './FormattedDate';

export function StoryDateline({
  date,
  localDate,
  updated,
  author,
  minutes,
}: {
  date: string;
  localDate: string;
  updated?: string;
  author?: string;
  minutes: number;
}) {
  const t = useTranslations('Story');
  return (
    <p className="story-dateline mt-4 flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted" data-component="dateline">
      <span>
        <span className="sr-only">{t('published')} </span>
        <FormattedDate date={date} localDate={localDate} />
      </span>
      {updated && (
        <span>
          {t('updated')} <FormattedDate date={updated} localDate={updated.slice(0, 10)} />
        </span>
      )}
      {author && <span>{t('by', { author })}</span>}
      <span>{t('readingTime', { minutes })}</span>
    </p>
  );
}
