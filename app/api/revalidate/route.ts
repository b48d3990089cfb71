import { LIVE_UPDATE_PAGES_ROUTE } from '@/lib/liveblog/liveView';
import { revalidatePath } from 'next/cache';
import { routing } from '@/i18n/routing';
import { nextDue } from '@/lib/content/diff';
import { hotPaths } from '@/lib/content/hotPaths';
import { currentVisibility } from '@/lib/content/visibility';
import { reloadContent } from '@/lib/content/repository';
import { readBounded } from '@/lib/http/readBounded';
import { parseRevalidateBody } from '@/lib/live/revalidateBody';
import { lockedOut, revalidateClient, wrongSecret } from '@/lib/live/failedAttempts';
import { isAuthorized, isProcessRequest, misconfiguredSecretResponse } from '@/lib/live/secret';
import { paths } from '@/lib/paths';
import { settings } from '@/lib/config/settings';
import { contentRoot } from '@/lib/content/root';
import { startEncodingAhead } from '@/lib/media/encodeAhead';
import { mediaServices } from '@/lib/media/mediaServices';

/**
 * POST /api/revalidate (Authorization: Bearer <REVALIDATE_SECRET>): reads the content again (only
 * the story folders in `slugs` when given: the watcher knows which changed) and
 * re-renders exactly what changed: the edited stories' pages, and every page when what other
 * pages list changed (a headline, a new or deleted story) or `{"scope":"all"}` is asked for
 * (a scheduled story fell due), together with the front page and listings. Feeds and sitemaps
 * are rendered once per loaded content (lib/content/perContent.ts), so the reload renews them;
 * cards are versioned by what they show.
 */
export async function POST(request: Request) {
  // A REVALIDATE_SECRET under the minimum length is never accepted: 503 to everyone until replaced.
  const misconfigured = misconfiguredSecretResponse();
  if (misconfigured) return misconfigured;
  // Guessing the secret costs a client (the real one, behind nginx) at most 10 tries a minute,
  // and a locked-out client is answered before its secret is compared.
  // This process's own reloads (its watcher, its launcher) carry its own token and are never locked out.
  const authorization = request.headers.get('authorization');
  if (!isProcessRequest(authorization)) {
    const client = revalidateClient(request);
    const locked = lockedOut(client);
    if (locked) return locked;
    if (!isAuthorized(authorization)) return wrongSecret(client);
  }
  const text = await readBounded(request, 64 * 1024);
  if (text === undefined) return new Response('Payload too large\n', { status: 413 });
  const body = parseRevalidateBody(text);
  if (!body) return new Response('Bad request: expected JSON like {"scope":"all"}, {"slugs":["a-story"]} or nothing\n', { status: 400 });
  const { scope, slugs, hotPaths: withHotPaths } = body;
  const { content, change } = await reloadContent(slugs ? { slugs } : {});
  for (const slug of change.slugs) for (const locale of routing.locales) revalidatePath(paths.story(locale, slug));
  // A live story's later pages of updates (a new update moves every older one down a page).
  if (change.slugs.length > 0) revalidatePath(LIVE_UPDATE_PAGES_ROUTE, 'page');
  // The newest stories' resized photos, in the background, so no reader or crawler waits for an encode.
  startEncodingAhead(content, currentVisibility(), settings().encodeAheadStories, mediaServices(), contentRoot());
  const everything = change.listsChanged || scope === 'all';
  // Every cached page under the locale layout: stories (their sidebars), the front page, listings.
  if (everything) revalidatePath('/[locale]', 'layout');
  return Response.json(
    {
      changed: change.slugs,
      allStoryPages: everything,
      problems: content.problems.length,
      nextDue: nextDue(content, Date.now()) ?? null,
      // Only for the launcher's start-up (`"hotPaths": true`): what it renders before it opens its public port.
      ...(withHotPaths ? { hot: hotPaths(content, currentVisibility()) } : {}),
    },
    { headers: { 'cache-control': 'no-store' } },
  );
}
