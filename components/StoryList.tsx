import type { StoryTeaser } from '@/lib/content/teasers';
import { StoryCard } from './StoryCard';

export function StoryList({ stories }: { stories: StoryTeaser[] }) {
  return (
    <ul className="story-list divide-y divide-rule" data-component="story-list">
      {stories.map((story) => (
        <li key={story.slug} className="py-5">
          <StoryCard story={story} />
        </li>
      ))}
    </ul>
  );
}
