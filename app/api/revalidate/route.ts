import { revalidatePath } from 'next/cache';
import { routing } from '@/i18n/routing';
import { nextDue } from '@/lib/content/diff';
import { reloadContent } from '@/lib/content/repository';
import { readBounded } from '@/lib/http/readBounded';
import { parseRevalidateBody } from '@/lib/live/revalidateBody';
import { isAuthorized, misconfiguredSecretResponse } from '@/lib/live/secret';
import { paths } from '@/lib/paths';
import { processSingleton } from '@/lib/process/registry';
import { createMemoryRateLimiter } from '@/lib/views/memoryRateLimiter';

const failedAttempts = () => processSingleton('revalidate:failedAttempts', () => createMemoryRateLimiter({ limit: 10, windowMs: 60_000 }));

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
  if (!isAuthorized(request.headers.get('authorization'))) {
    // Guessing the secret costs a client at most 10 tries a minute.
    const verdict = await failedAttempts().hit(request.headers.get('x-peer-address') || 'unknown');
    if (!verdict.allowed) {
      return new Response('Too many failed attempts\n', { status: 429, headers: { 'retry-after': String(verdict.retryAfterSeconds) } });
    }
    return new Response('Unauthorized\n', { status: 401, headers: { 'www-authenticate': 'Bearer' } });
  }
  const text = await readBounded(request, 64 * 1024);
  if (text === undefined) return new Response('Payload too large\n', { status: 413 });
  const body = parseRevalidateBody(text);
  if (!body) return new Response('Bad request: expected JSON like {"scope":"all"}, {"slugs":["a-story"]} or nothing\n', { status: 400 });
  const { scope, slugs } = body;
  const { content, change } = await reloadContent(slugs ? { slugs } : {});
  for (const slug of change.slugs) for (const locale of routing.locales) revalidatePath(paths.story(locale, slug));
  const everything = change.listsChanged || scope === 'all';
  // Every cached page under the locale layout: stories (their sidebars), the front page, listings.
  if (everything) revalidatePath('/[locale]', 'layout');
  return Response.json(
    { changed: change.slugs, allStoryPages: everything, problems: content.problems.length, nextDue: nextDue(content, Date.now()) ?? null },
    { headers: { 'cache-control': 'no-store' } },
  );
}
