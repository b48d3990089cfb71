import { createHash } from 'node:crypto';
import type { LoadedContent, Story } from './types';
import { keptFor, rememberFor } from '../process/registry';

export interface ContentChange {
  /** Stories added, removed or edited. */
  slugs: string[];
  /** Whether lists elsewhere (sidebars of other stories) may show something different now. */
  listsChanged: boolean;
}

/** What a story looks like, in two hashes: everything, and what other pages show of it. */
export interface StoryFingerprint {
  story: string;
  list: string;
}

/** The content in hashes: small enough to keep beside a build and compare at start-up. */
export interface ContentFingerprints {
  taxonomy: string;
  stories: Record<string, StoryFingerprint>;
}

const hash = (value: unknown) => createHash('sha1').update(JSON.stringify(value)).digest('base64url');

// Stories are immutable values, rebuilt only when their files change: hash each once.
const FINGERPRINT = 'fingerprint';

/**
 * A story's fingerprint as computed when it was cached (lib/content/snapshots.ts): hashing every
 * story again after a restart took 0.75 s of start-up at 10,000 stories.
 */
export function rememberFingerprint(story: Story, fingerprint: StoryFingerprint): void {
  rememberFor(story, FINGERPRINT, fingerprint);
}

export function storyFingerprint(story: Story): StoryFingerprint {
  return keptFor(story, FINGERPRINT, () => {
    // What other pages show of a story (sidebars, listings): headline, lead, date, photo; and what
    // decides whether and where it is listed: section, tags, picks, visibility.
    const titles = Object.values(story.versions).map((v) => [v.locale, v.title, v.summary, v.imageAlt, v.draft]);
    const list = [story.date, story.updated, story.section, story.tags, story.image?.version, story.editorsChoice, story.related, story.draft, titles, story.live?.on, story.live?.ended];
    return { story: hash(story), list: hash(list) };
  });
}

export function fingerprintContent(content: LoadedContent): ContentFingerprints {
  const stories: Record<string, StoryFingerprint> = {};
  for (const [slug, story] of content.stories) stories[slug] = storyFingerprint(story);
  return { taxonomy: hash(content.taxonomy), stories };
}

/** A short hash of everything served: equal on two instances exactly when they serve the same. */
export function contentVersion(content: LoadedContent): string {
  return keptFor(content, 'content-version', () => hash(fingerprintContent(content)).slice(0, 16));
}

/** What changed between two states: exactly the stories to re-render, and whether lists must. */
export function diffFingerprints(previous: ContentFingerprints, next: ContentFingerprints): ContentChange {
  const changed: string[] = [];
  let listsChanged = previous.taxonomy !== next.taxonomy;
  for (const slug of new Set([...Object.keys(previous.stories), ...Object.keys(next.stories)])) {
    const before = previous.stories[slug];
    const after = next.stories[slug];
    if (before?.story === after?.story) continue;
    changed.push(slug);
    if (before?.list !== after?.list) listsChanged = true;
  }
  return { slugs: changed.sort(), listsChanged };
}

export function diffContent(previous: LoadedContent, next: LoadedContent): ContentChange {
  return diffFingerprints(fingerprintContent(previous), fingerprintContent(next));
}

/** When the next scheduled story becomes due (ms since epoch), if any. */
export function nextDue(content: LoadedContent, now: number): number | undefined {
  let due: number | undefined;
  for (const story of content.stories.values()) {
    if (story.published > now && (due === undefined || story.published < due)) due = story.published;
  }
  return due;
}

/**
 * When the next dated thing falls due: a scheduled story, a live update dated later (held back
 * until then) or a live coverage's end. What is rendered once per content (perContent.ts) is
 * rendered again then; pages follow within their revalidate time.
 */
export function nextDatedChange(content: LoadedContent, now: number): number | undefined {
  let due = nextDue(content, now);
  const consider = (time: number) => {
    if (time > now && (due === undefined || time < due)) due = time;
  };
  for (const story of content.stories.values()) {
    if (!story.live) continue;
    if (story.live.ended) consider(Date.parse(story.live.ended));
    for (const update of story.live.updates) consider(update.published);
  }
  return due;
}
