import type { StoryTeaser } from '@/lib/content/teasers';
import { FormattedDate } from './FormattedDate';
import { LiveBadge } from './live/LiveBadge';
import { Photo } from './Photo';

/** One story in a listing: section, headline link, lead, date, and the photo when there is one. */
export function StoryCard({ story, lead = false }: { story: StoryTeaser; lead?: boolean }) {
  const Heading = lead ? 'h2' : 'h3';
  return (
    <article className={lead ? 'story-card grid gap-4 md:grid-cols-2' : 'story-card flex gap-4'} data-component="story-card">
      {story.image && (
        <a href={story.href} tabIndex={-1} aria-hidden="true" className={lead ? 'block' : 'block w-28 shrink-0 sm:w-40'}>
          {/* The front page's lead photo is its LCP; the other cards' photos load as they scroll in. */}
          <Photo
            image={story.image}
            alt=""
            sizes={lead ? '(min-width: 768px) 560px, 100vw' : '(min-width: 640px) 160px, 112px'}
            maxWidth={lead ? undefined : 160}
            priority={lead}
            className="h-auto w-full bg-rule"
          />
        </a>
      )}
      <div className="min-w-0" lang={story.lang}>
        <p className="text-xs font-semibold uppercase tracking-wide text-accent">
          {/* At least 24 px high: a touch target apart from the headline link under it (WCAG 2.5.8). */}
          <a href={story.sectionHref} className="inline-block min-h-6 leading-6 underline-offset-4 hover:underline" data-component="card-section">
            {story.sectionName}
          </a>
        </p>
        <Heading className={lead ? 'mt-1 font-serif text-3xl font-bold leading-tight' : 'mt-1 font-serif text-xl font-bold leading-snug'}>
          {story.live && <LiveBadge />}
          <a href={story.href} className="underline-offset-4 hover:underline">
            {story.title}
          </a>
        </Heading>
        <p className={lead ? 'mt-3 font-serif text-lg text-muted' : 'mt-1 line-clamp-3 text-muted'}>{story.summary}</p>
        <p className="mt-2 text-sm text-muted">
          <FormattedDate date={story.date} localDate={story.localDate} />
        </p>
      </div>
    </article>
  );
}
