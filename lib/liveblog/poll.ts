import type { Locale } from '../../i18n/routing';
import type { Story } from '../content/types';
import { isLiveNow, updatesIn } from './liveView';

/** What a live page's script asks every few seconds: is there anything newer than what it shows? */
export interface LivePollAnswer {
  /** The newest update in this language (the pinned one aside), or null before the first. */
  latest: string | null;
  /** How many updates are newer than `after`; 0 when `after` is unknown (removed, renamed): the script then just takes `latest`. */
  newer: number;
  /** The pinned update, or null: a newly pinned one is news too (it is not in `newer`). */
  pinned: string | null;
  /** Still followed: when false, the script stops asking. */
  live: boolean;
}

/** How long a shared cache (nginx) and the browser may keep an answer: 10,000 readers, a few requests. */
export const LIVE_POLL_MAX_AGE_SECONDS = 5;

export function livePollAnswer(story: Story, locale: Locale, after: string | null, now: number): LivePollAnswer {
  const { pinned, stream } = updatesIn(story.live!, locale, now);
  const index = after === null ? -1 : stream.findIndex((update) => update.id === after);
  return { latest: stream[0]?.id ?? null, newer: index < 0 ? 0 : index, pinned: pinned?.id ?? null, live: isLiveNow(story.live, now) };
}

/** A weak entity tag of an answer: the same answer, the same tag (a 304 costs a few bytes). */
export function livePollTag(answer: LivePollAnswer): string {
  return `W/"${answer.latest ?? '-'}.${answer.newer}.${answer.pinned ?? '-'}.${answer.live ? 1 : 0}"`;
}
