import type { Locale } from '../../i18n/routing';
import { findPublicStory } from '../content/queries';
import type { LoadedContent } from '../content/types';
import type { Visibility } from '../content/visibility';
import { liveUpdatePageRenderPath, permalinkTarget, updatePageCount } from '../liveblog/liveView';
import { parsePageParam } from '../pagination';

export type LiveStoryAnswer =
  /** Not a page of this story: the proxy answers 404. */
  | { kind: 'missing' }
  /** `?update={id}`: the page that holds that update now, at its anchor. */
  | { kind: 'redirect'; location: string }
  /** `?page=N`, N ≥ 2: rendered at a path of its own, cached like page 1. */
  | { kind: 'rewrite'; path: string }
  /** Page 1 as it is. */
  | { kind: 'story' };

/** A permalink's target with the request's other queries (a campaign's `utm_*`) kept: only `update` and `page` are ours. */
function keepingOtherQueries(location: string, searchParams: URLSearchParams): string {
  const others = [...searchParams].filter(([name]) => name !== 'update' && name !== 'page');
  if (others.length === 0) return location;
  const hash = location.indexOf('#');
  const [pathAndQuery, fragment] = hash < 0 ? [location, ''] : [location.slice(0, hash), location.slice(hash)];
  const [path, query = ''] = pathAndQuery.split('?');
  const merged = new URLSearchParams(query);
  for (const [name, value] of others) merged.append(name, value);
  return `${path}?${merged}${fragment}`;
}

/**
 * What a story address with a live story's queries names. `?update=` is a permalink that stays
 * valid as new updates push older ones to later pages; `?page=` is a page of updates, newest
 * first. Other queries (tracking parameters) leave the page as it is.
 */
export function liveStoryRequest(locale: Locale, slug: string, searchParams: URLSearchParams, content: LoadedContent, visibility: Visibility): LiveStoryAnswer {
  const story = findPublicStory(content, slug, visibility);
  if (!story) return { kind: 'missing' };
  const updates = searchParams.getAll('update');
  if (updates.length > 0) {
    const location = updates.length === 1 ? permalinkTarget(story, locale, updates[0]!, visibility.now) : undefined;
    return location ? { kind: 'redirect', location: keepingOtherQueries(location, searchParams) } : { kind: 'missing' };
  }
  if (!searchParams.has('page')) return { kind: 'story' };
  const pages = searchParams.getAll('page');
  const page = parsePageParam(pages.length > 1 ? pages : pages[0]);
  if (page === undefined || !story.live || page > updatePageCount(story.live, locale, visibility.now)) return { kind: 'missing' };
  return page === 1 ? { kind: 'story' } : { kind: 'rewrite', path: liveUpdatePageRenderPath(locale, slug, page) };
}
