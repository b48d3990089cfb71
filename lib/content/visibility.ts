import type { Locale } from '../../i18n/routing';
import type { Story, StoryVersion } from './types';
import { runtimeEnvironment } from '../config/settings';

export interface Visibility {
  now: number;
  /** Drafts show only in `next dev`, so editors can preview them. */
  includeDrafts: boolean;
}

export function currentVisibility(now = Date.now()): Visibility {
  return { now, includeDrafts: runtimeEnvironment.development() };
}

/** Published: not a draft (outside dev) and due (its date is not in the future). */
export function isPublic(story: Story, visibility: Visibility): boolean {
  return (visibility.includeDrafts || !story.draft) && story.published <= visibility.now;
}

/** The version to show in a locale: its own, else the original (shown with a notice). */
export function versionFor(story: Story, locale: Locale): { version: StoryVersion; translated: boolean } {
  const own = story.versions[locale];
  if (own) return { version: own, translated: true };
  return { version: story.versions[story.original]!, translated: false };
}
