import type { LoadedContent } from './load';
import type { Story } from './types';

export interface ContentChange {
  /** Stories added, removed or edited. */
  slugs: string[];
  /** Whether lists elsewhere (sidebars of other stories) may show something different now. */
  listsChanged: boolean;
}

// What other story pages show of a story (in their sidebars): headline, date, photo; and what
// decides whether and where it is listed: section, tags, picks, visibility.
function listFingerprint(story: Story): string {
  const titles = Object.values(story.versions).map((v) => [v.locale, v.title]);
  return JSON.stringify([story.date, story.updated, story.section, story.tags, story.image?.version, story.editorsChoice, story.related, story.draft, titles]);
}

/** What changed between two loads: exactly the stories to re-render, and whether lists must. */
export function diffContent(previous: LoadedContent, next: LoadedContent): ContentChange {
  const slugs = new Set([...previous.stories.keys(), ...next.stories.keys()]);
  const changed: string[] = [];
  let listsChanged = JSON.stringify(previous.taxonomy) !== JSON.stringify(next.taxonomy);
  for (const slug of slugs) {
    const before = previous.stories.get(slug);
    const after = next.stories.get(slug);
    if (before === after) continue;
    if (!before || !after) {
      changed.push(slug);
      listsChanged = true;
    } else if (JSON.stringify(before) !== JSON.stringify(after)) {
      changed.push(slug);
      if (listFingerprint(before) !== listFingerprint(after)) listsChanged = true;
    }
  }
  return { slugs: changed.sort(), listsChanged };
}

/** When the next scheduled story becomes due (ms since epoch), if any. */
export function nextDue(content: LoadedContent, now: number): number | undefined {
  let due: number | undefined;
  for (const story of content.stories.values()) {
    if (story.published > now && (due === undefined || story.published < due)) due = story.published;
  }
  return due;
}
