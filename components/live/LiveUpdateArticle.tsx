import { useTranslations } from 'next-intl';
import type { LiveUpdateView } from '@/lib/liveblog/liveView';
import { StoryBody } from '../StoryBody';
import { UpdateTime } from './UpdateTime';

/** One update: its time is its permalink; an edit after publishing says when. */
export function LiveUpdateArticle({ update, pinned = false }: { update: LiveUpdateView; pinned?: boolean }) {
  const t = useTranslations('Live');
  const story = useTranslations('Story');
  return (
    <article
      id={`update-${update.id}`}
      className={`live-update scroll-mt-4 border-t border-rule py-5 ${pinned ? 'rounded bg-notice px-4' : ''}`}
      data-component={pinned ? 'live-pinned' : 'live-update'}
      data-key-event={update.keyEvent || undefined}
    >
      <p className="flex flex-wrap items-baseline gap-x-3 text-sm text-muted">
        {pinned && <span className="font-semibold uppercase tracking-wide text-accent">{t('pinned')}</span>}
        <a href={update.href} className="font-semibold text-ink underline-offset-4 hover:underline">
          <UpdateTime time={update.time} />
          <span className="sr-only"> {t('permalink')}</span>
        </a>
        {update.updated && (
          <span>
            {t('updatedAt')} <UpdateTime time={update.updated} />
          </span>
        )}
        {update.author && <span>{story('by', { author: update.author })}</span>}
      </p>
      {update.headline && <h3 className="mt-2 font-serif text-xl font-bold leading-snug">{update.headline}</h3>}
      <StoryBody html={update.bodyHtml} />
    </article>
  );
}
