import type { StoryTeaser } from '@/lib/content/teasers';
import { FormattedDate } from './FormattedDate';
import { LiveBadge } from './live/LiveBadge';
import { Photo } from './Photo';

/** A titled list of story links in the sidebar column (Related, Editor's choice, Popular...). */
export function SidebarList({ id, title, stories }: { id: string; title: string; stories: StoryTeaser[] }) {
  if (stories.length === 0) return null;
  const headingId = `sidebar-${id}`;
  return (
    <section aria-labelledby={headingId} className="sidebar-list" data-component={id}>
      <h2 id={headingId} className="border-b-2 border-accent pb-1 text-sm font-bold uppercase tracking-wide">
        {title}
      </h2>
      <ol className="mt-2 divide-y divide-rule">
        {stories.map((story) => (
          <li key={story.slug} className="flex gap-3 py-3">
            {story.image && (
              <Photo
                image={story.image}
                alt=""
                sizes="80px"
                maxWidth={80}
                frameClassName="w-20 shrink-0 self-start"
                className="h-auto w-full bg-rule"
              />
            )}
            <div className="min-w-0">
              {story.live && <LiveBadge />}
              <a href={story.href} lang={story.lang} className="font-serif font-bold leading-snug underline-offset-4 hover:underline">
                {story.title}
              </a>
              <p className="mt-1 text-xs text-muted">
                <FormattedDate date={story.date} localDate={story.localDate} />
              </p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
