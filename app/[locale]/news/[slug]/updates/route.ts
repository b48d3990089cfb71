import type { Locale } from '@/i18n/routing';
import { ifNoneMatchNames } from '@/lib/http/entityTags';
import { findPublicStory } from '@/lib/content/queries';
import { keptPerContent } from '@/lib/content/perContent';
import { getContent } from '@/lib/content/repository';
import { currentVisibility } from '@/lib/content/visibility';
import { notLiveStoryResponse } from '@/lib/liveblog/notLiveStory';
import { LIVE_POLL_MAX_AGE_SECONDS, livePollAnswer, livePollTag } from '@/lib/liveblog/poll';

/**
 * GET /{locale}/news/{slug}/updates: the live page's script asks for the newest updates' ids and
 * counts those above the one it shows first (lib/liveblog/poll.ts). Compact JSON, the same for
 * every reader, a 304 when nothing changed, kept by nginx and the browser for a few seconds.
 * Not a live story: 404. A query changes nothing (nginx keys this route without it).
 */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = (await params) as { locale: Locale; slug: string };
  const visibility = currentVisibility();
  const content = await getContent();
  const story = findPublicStory(content, slug, visibility);
  if (!story?.live) return notLiveStoryResponse();
  // Once per content (and per update falling due): every reader's poll is the same answer.
  const { answer, tag } = keptPerContent(content, `live-poll:${locale}:${slug}`, visibility.now, () => {
    const answer = livePollAnswer(story, locale, visibility.now);
    return { answer, tag: livePollTag(answer) };
  });
  const headers = { etag: tag, 'cache-control': `public, max-age=${LIVE_POLL_MAX_AGE_SECONDS}, s-maxage=${LIVE_POLL_MAX_AGE_SECONDS}` };
  if (ifNoneMatchNames(request.headers.get('if-none-match'), tag)) return new Response(null, { status: 304, headers });
  return Response.json(answer, { headers });
}
