import { popularWindowDays, windowDays } from './days';
import { withDeadline } from './resilience';
import { viewsStore } from './storeFromEnv';

// Renders within a few seconds of each other share one store query.
const CACHE_MS = 10_000;
const DEADLINE_MS = 300;
let cached: { at: number; slugs: string[] } | undefined;

/**
 * Slugs of the most viewed stories in the trailing window (POPULAR_WINDOW_DAYS), most first.
 * Empty when there are no views yet or the store is down: callers fall back to the latest stories.
 */
export async function popularSlugs(now = Date.now(), limit = 30): Promise<string[]> {
  if (cached && now - cached.at < CACHE_MS) return cached.slugs;
  const counts = await withDeadline(
    async () => (await viewsStore()).top(windowDays(now, popularWindowDays()), limit),
    [],
    DEADLINE_MS,
    'reading Popular',
  );
  cached = { at: now, slugs: counts.map((count) => count.slug) };
  return cached.slugs;
}
