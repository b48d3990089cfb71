import type { Story } from '../content/types';

/** Stories an editor picked: by their `editorsChoice` number (1 first, `true` last), then newest. */
export function editorsChoice(stories: Story[]): Story[] {
  return stories
    .filter((story) => story.editorsChoice !== undefined)
    .sort((a, b) => a.editorsChoice! - b.editorsChoice! || b.published - a.published);
}
