import type { Locale } from '../../i18n/routing';
import type { LiveCoverage, LiveUpdate, Story } from '../content/types';
import { paginate } from '../pagination';
import { paths } from '../paths';

/** The route of a live story's later pages of updates (the proxy rewrites `?page=N` to it). */
export const LIVE_UPDATE_PAGES_ROUTE = '/[locale]/news/[slug]/page/[page]';

/** Where page N ≥ 2 of a live story's updates is rendered (never linked: its address is `?page=N`). */
export function liveUpdatePageRenderPath(locale: Locale, slug: string, page: number): string {
  return `${paths.story(locale, slug)}/page/${page}`;
}

/** When the newest of these updates was published or corrected, as written; undefined for none. */
export function newestChange(updates: readonly LiveUpdate[]): string | undefined {
  let newest: string | undefined;
  for (const update of updates) {
    const time = update.updated ?? update.time;
    if (newest === undefined || Date.parse(time) > Date.parse(newest)) newest = time;
  }
  return newest;
}

/** Updates per page of a live story, newest first. */
export const UPDATES_PER_PAGE = 20;

/** Whether a story is followed live now: `live: true` and before its `liveEnded`, if any. */
export function isLiveNow(coverage: LiveCoverage | undefined, now: number): boolean {
  if (!coverage?.on) return false;
  return coverage.ended === undefined || Date.parse(coverage.ended) > now;
}

/** The updates due by `now`: one dated later is held back until its time, like a story dated later. */
export function dueUpdates(coverage: LiveCoverage, now: number): LiveUpdate[] {
  return coverage.updates.filter((update) => update.published <= now);
}

/**
 * A live story's updates as a reader of one language gets them at `now`: those written in it and
 * due, the pinned one apart (it leads page 1 and is not repeated), the rest newest first. Pages
 * count from the newest, so a new update pushes older ones to later pages; permalinks find them.
 */
export function updatesIn(coverage: LiveCoverage, locale: Locale, now: number): { pinned?: LiveUpdate; stream: LiveUpdate[] } {
  const written = dueUpdates(coverage, now).filter((update) => update.versions[locale]);
  // The latest pinned update, if an editor pinned more than one.
  const pinned = written.findLast((update) => update.pinned);
  return { pinned, stream: written.filter((update) => update !== pinned).reverse() };
}

/** The page of a story's updates that holds an update now, or undefined for an unknown id. */
export function pageOfUpdate(coverage: LiveCoverage, locale: Locale, id: string, now: number): number | undefined {
  const { pinned, stream } = updatesIn(coverage, locale, now);
  if (pinned?.id === id) return 1;
  const index = stream.findIndex((update) => update.id === id);
  return index < 0 ? undefined : Math.floor(index / UPDATES_PER_PAGE) + 1;
}

/** How many pages of updates a live story has in a language (at least one). */
export function updatePageCount(coverage: LiveCoverage, locale: Locale, now: number): number {
  return Math.max(1, Math.ceil(updatesIn(coverage, locale, now).stream.length / UPDATES_PER_PAGE));
}

/** The public address of a page of a live story's updates, at an update when given. */
export function liveStoryPath(locale: Locale, slug: string, page = 1, updateId?: string): string {
  const base = page > 1 ? `${paths.story(locale, slug)}?page=${page}` : paths.story(locale, slug);
  return updateId ? `${base}#update-${updateId}` : base;
}

/** An update's permalink: valid whatever page holds the update by then (the proxy finds it). */
export function updatePermalink(locale: Locale, slug: string, id: string): string {
  return `${paths.story(locale, slug)}?update=${id}`;
}

/** Where a permalink `?update={id}` sends the reader now, or undefined for an unknown update. */
export function permalinkTarget(story: Story, locale: Locale, id: string, now: number): string | undefined {
  if (!story.live) return undefined;
  const page = pageOfUpdate(story.live, locale, id, now);
  return page === undefined ? undefined : liveStoryPath(locale, story.slug, page, id);
}

export interface LiveUpdateView {
  id: string;
  time: string;
  updated?: string;
  headline?: string;
  author?: string;
  bodyHtml: string;
  bodyText: string;
  keyEvent: boolean;
  /** Its permalink, `?update={id}`: stays valid as new updates move it to later pages. */
  href: string;
}

export interface LiveView {
  /** Followed now: the "Live" label. */
  on: boolean;
  ended?: string;
  /** The newest update's time (or its correction's). */
  lastUpdated?: string;
  /** On page 1 only. */
  pinned?: LiveUpdateView;
  /** Every key event, newest first, each linking to the page that holds it. */
  keyEvents: Array<{ id: string; time: string; headline?: string; href: string }>;
  updates: LiveUpdateView[];
  page: number;
  pageCount: number;
  newerHref?: string;
  olderHref?: string;
  total: number;
  /** Page 1 of a story followed now: where its script asks for newer updates, the newest shown, and the pinned one. */
  poll?: { path: string; latest: string; pinned: string };
}

/** Page `page` of a live story's updates in a language, or undefined past the last page. */
export function liveView(story: Story, locale: Locale, page: number, now: number): LiveView | undefined {
  const coverage = story.live;
  if (!coverage) return undefined;
  const { pinned, stream } = updatesIn(coverage, locale, now);
  const shown = paginate(stream, page, UPDATES_PER_PAGE);
  if (!shown) return undefined;
  const view = (update: LiveUpdate): LiveUpdateView => {
    const version = update.versions[locale]!;
    return {
      id: update.id,
      time: update.time,
      updated: update.updated,
      headline: version.headline,
      author: version.author,
      bodyHtml: version.bodyHtml,
      bodyText: version.bodyText,
      keyEvent: update.keyEvent,
      href: updatePermalink(locale, story.slug, update.id),
    };
  };
  const pageOf = (update: LiveUpdate) => (update === pinned ? 1 : Math.floor(stream.indexOf(update) / UPDATES_PER_PAGE) + 1);
  const all = pinned ? [pinned, ...stream] : stream;
  return {
    on: isLiveNow(coverage, now),
    ended: coverage.ended,
    lastUpdated: newestChange(all),
    pinned: pinned && page === 1 ? view(pinned) : undefined,
    keyEvents: all
      .filter((update) => update.keyEvent)
      .sort((a, b) => b.published - a.published)
      .map((update) => ({ id: update.id, time: update.time, headline: update.versions[locale]!.headline, href: liveStoryPath(locale, story.slug, pageOf(update), update.id) })),
    updates: shown.items.map(view),
    page,
    pageCount: shown.pageCount,
    newerHref: page > 1 ? liveStoryPath(locale, story.slug, page - 1) : undefined,
    olderHref: page < shown.pageCount ? liveStoryPath(locale, story.slug, page + 1) : undefined,
    total: all.length,
    poll: page === 1 && isLiveNow(coverage, now) ? { path: `${paths.story(locale, story.slug)}/updates`, latest: stream[0]?.id ?? '', pinned: pinned?.id ?? '' } : undefined,
  };
}
