import { revalidatePath } from 'next/cache';
import { routing } from '@/i18n/routing';
import { nextDue } from '@/lib/content/diff';
import { reloadContent } from '@/lib/content/repository';
import { readBounded } from '@/lib/http/readBounded';
import { isAuthorized } from '@/lib/live/secret';
import { paths } from '@/lib/paths';

/**
 * POST /api/revalidate (Authorization: Bearer <REVALIDATE_SECRET>): reads the content again and
 * re-renders exactly what changed: the edited stories' pages, and every story page when what
 * other pages list changed (a headline, a new or deleted story) or `{"scope":"all"}` is asked for
 * (a scheduled story fell due). Listings, feeds and sitemaps render per request from the reloaded
 * content; cards are versioned by what they show.
 */
export async function POST(request: Request) {
  if (!isAuthorized(request.headers.get('authorization'))) {
    return new Response('Unauthorized\n', { status: 401, headers: { 'www-authenticate': 'Bearer' } });
  }
  const text = await readBounded(request, 1024);
  if (text === undefined) return new Response('Payload too large\n', { status: 413 });
  let scope: unknown;
  try {
    scope = text ? (JSON.parse(text) as { scope?: unknown }).scope : undefined;
  } catch {
    return new Response('Bad request: expected JSON like {"scope":"all"} or nothing\n', { status: 400 });
  }
  const { content, change } = await reloadContent();
  for (const slug of change.slugs) for (const locale of routing.locales) revalidatePath(paths.story(locale, slug));
  const everything = change.listsChanged || scope === 'all';
  if (everything) revalidatePath('/[locale]/news/[slug]', 'page');
  return Response.json(
    { changed: change.slugs, allStoryPages: everything, problems: content.problems.length, nextDue: nextDue(content, Date.now()) ?? null },
    { headers: { 'cache-control': 'no-store' } },
  );
}
