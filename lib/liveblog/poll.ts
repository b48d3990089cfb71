import { createHash } from 'node:crypto';
import type { Locale } from '../../i18n/routing';
import type { Story } from '../content/types';
import { isLiveNow, updatesIn } from './liveView';

/**
 * What a live page's script asks every few seconds: the newest updates, the pinned one, and
 * whether the story is still followed. The same answer for every reader of a story in a language,
 * whatever they show: one cache key, always warm in nginx while anyone reads the story, so 1,000
 * readers asking at the same moment get it from nginx (an answer per `after={id}` made a new key,
 * cold, each time an update arrived, and readers arriving together queued on it).
 */
export interface LivePollAnswer {
  /** The newest updates' ids, newest first (the pinned one aside): a page counts those above the one it shows first. */
  recent: string[];
  /** The pinned update, or null: a newly pinned one is news too. */
  pinned: string | null;
  /** Still followed: when false, the script stops asking. */
  live: boolean;
}

/** How many ids an answer lists: past this, the page just says this many (and the reader reloads). */
export const LIVE_POLL_RECENT = 20;

/** How long a shared cache (nginx) and the browser may keep an answer: 10,000 readers, a few requests. */
export const LIVE_POLL_MAX_AGE_SECONDS = 5;

export function livePollAnswer(story: Story, locale: Locale, now: number): LivePollAnswer {
  const { pinned, stream } = updatesIn(story.live!, locale, now);
  return { recent: stream.slice(0, LIVE_POLL_RECENT).map((update) => update.id), pinned: pinned?.id ?? null, live: isLiveNow(story.live, now) };
}

/** A weak entity tag of an answer: the same answer, the same tag (a 304 costs a few bytes). */
export function livePollTag(answer: LivePollAnswer): string {
  return `W/"${createHash('sha256').update(JSON.stringify(answer)).digest('base64url').slice(0, 22)}"`;
}
