import type { Locale } from '@/i18n/routing';
import { ifNoneMatchNames } from '@/lib/http/entityTags';
import { findPublicStory } from '@/lib/content/queries';
import { getContent } from '@/lib/content/repository';
import { currentVisibility } from '@/lib/content/visibility';
import { LIVE_POLL_MAX_AGE_SECONDS, livePollAnswer, livePollTag } from '@/lib/liveblog/poll';

/**
 * GET /{locale}/news/{slug}/updates?after={id}: the live page's script asks whether there is
 * anything newer than the update it shows first (lib/liveblog/poll.ts). Compact JSON, a 304 when
 * nothing changed, kept by nginx and the browser for a few seconds. Not a live story: 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = (await params) as { locale: Locale; slug: string };
  const visibility = currentVisibility();
  const story = findPublicStory(await getContent(), slug, visibility);
  if (!story?.live) return new Response('Not a live story\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const after = new URL(request.url).searchParams.get('after');
  const answer = livePollAnswer(story, locale, after && after.length <= 120 ? after : null, visibility.now);
  const tag = livePollTag(answer);
  const headers = { etag: tag, 'cache-control': `public, max-age=${LIVE_POLL_MAX_AGE_SECONDS}, s-maxage=${LIVE_POLL_MAX_AGE_SECONDS}` };
  if (ifNoneMatchNames(request.headers.get('if-none-match'), tag)) return new Response(null, { status: 304, headers });
  return Response.json(answer, { headers });
}
