import { useTranslations } from 'next-intl';
import type { LiveView } from '@/lib/liveblog/liveView';
import { LiveAnnouncer } from './LiveAnnouncer';
import { LiveBadge } from './LiveBadge';
import { LiveUpdateArticle } from './LiveUpdateArticle';
import { UpdateTime } from './UpdateTime';

/**
 * A live story's updates under its lead: whether it is live and when it last changed, the key
 * events, the pinned post (page 1), the updates newest first and the way to older ones. Complete
 * without JavaScript: a plain link reloads page 1 for the latest.
 */
export function LiveCoverage({ live, storyPath }: { live: LiveView; storyPath: string }) {
  const t = useTranslations('Live');
  return (
    <section aria-labelledby="live-updates" className="mt-8" data-component="live-coverage">
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-component="live-status">
        {live.on && <LiveBadge />}
        {!live.on && live.ended && (
          <span>
            {t('ended')} <UpdateTime time={live.ended} />
          </span>
        )}
        {live.lastUpdated && (
          <span className="text-muted" data-component="live-last-updated">
            {t('lastUpdated')} <UpdateTime time={live.lastUpdated} />
          </span>
        )}
        {live.on && (
          <a href={storyPath} className="underline underline-offset-4" data-component="live-reload">
            {t('reload')}
          </a>
        )}
      </p>
      {live.keyEvents.length > 0 && (
        <nav aria-labelledby="live-key-events" className="mt-6 border-s-4 border-accent ps-4" data-component="live-key-events">
          <h2 id="live-key-events" className="text-sm font-bold uppercase tracking-wide">
            {t('keyEvents')}
          </h2>
          <ol className="mt-2 space-y-1 text-sm">
            {live.keyEvents.map((event) => (
              <li key={event.id}>
                <a href={event.href} className="underline-offset-4 hover:underline">
                  <UpdateTime time={event.time} />
                  {event.headline && <span className="font-semibold"> {event.headline}</span>}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      )}
      {live.page === 1 && (
        // Where the script puts a newly pinned post (public/live-updates.js), so it is there even when none is pinned yet.
        <div data-component="live-pinned-slot">{live.pinned && <LiveUpdateArticle update={live.pinned} pinned />}</div>
      )}
      <h2 id="live-updates" className="mt-8 text-sm font-bold uppercase tracking-wide">
        {t('updates')} <span className="font-normal text-muted">({t('count', { count: live.total })})</span>
      </h2>
      {live.poll && <LiveAnnouncer {...live.poll} />}
      <div data-component="live-updates">
        {live.updates.map((update) => (
          <LiveUpdateArticle key={update.id} update={update} />
        ))}
      </div>
      {live.pageCount > 1 && (
        <nav aria-label={t('pageOf', { page: live.page, pageCount: live.pageCount })} className="mt-6 flex justify-between text-sm" data-component="live-pagination">
          {live.newerHref ? (
            <a href={live.newerHref} rel="prev" className="underline underline-offset-4">
              {t('newer')}
            </a>
          ) : (
            <span />
          )}
          <span className="text-muted">{t('pageOf', { page: live.page, pageCount: live.pageCount })}</span>
          {live.olderHref ? (
            <a href={live.olderHref} rel="next" className="underline underline-offset-4">
              {t('older')}
            </a>
          ) : (
            <span />
          )}
        </nav>
      )}
    </section>
  );
}
