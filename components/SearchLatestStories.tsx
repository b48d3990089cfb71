import type { StoryTeaser } from '@/lib/content/teasers';
import { StoryList } from './StoryList';

/** The newest stories, offered where a reader did not find what they came for. */
export function SearchLatestStories({ heading, stories }: { heading: string; stories: StoryTeaser[] }) {
  if (stories.length === 0) return null;
  return (
    <section aria-labelledby="latest-stories-heading" className="mt-10" data-component="latest-stories">
      <h2 id="latest-stories-heading" className="text-sm font-bold uppercase tracking-wide">
        {heading}
      </h2>
      <StoryList stories={stories} />
    </section>
  );
}
