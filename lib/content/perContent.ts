import { keptFor } from '../process/registry';
import { nextDatedChange } from './diff';
import type { LoadedContent } from './types';

// Feeds and sitemaps are the same bytes for every reader until the content changes or a scheduled
// story falls due, yet each request rendered them again: at 10,000 stories the largest child
// sitemap took about 0.6 s, and under load the feeds were the slowest route (p50 0.6 s). This
// keeps each one rendered once per content, per process.

interface Kept {
  value?: unknown;
  /** When a scheduled story falls due (or the age limit passes), ms since epoch. */
  until: number;
}

/**
 * `render()` once for this content and key, kept until the content is replaced, the next scheduled
 * story or live update is due (nextDatedChange), or `maxAgeMs` has passed (for what changes with the clock alone, like a window of
 * the last two days). The key names what is rendered and everything it depends on besides the
 * content and the clock (the locale, the feed's format). Kept with everything else computed from
 * the content (keptFor, lib/process/registry.ts), so a replaced content takes its renders along.
 */
export function keptPerContent<T>(content: LoadedContent, key: string, now: number, render: () => T, maxAgeMs = Infinity): T {
  const kept = keptFor<Kept>(content, `render:${key}`, () => ({ until: -Infinity }));
  if (now < kept.until) return kept.value as T;
  const value = render();
  Object.assign(kept, { value, until: Math.min(nextDatedChange(content, now) ?? Infinity, now + maxAgeMs) });
  return value;
}
