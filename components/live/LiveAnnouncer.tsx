import { useLocale, useTranslations } from 'next-intl';

/** Where the live page's script is served from (public/live-updates.js): the site's own origin. */
export const LIVE_UPDATES_SRC = '/live-updates.js';

/** A count that takes each plural category of a language (1 → one, 2 → few in Russian, …). */
function sampleCounts(locale: string): Record<string, number> {
  const rules = new Intl.PluralRules(locale);
  const samples: Record<string, number> = {};
  for (let n = 1; n < 200 && Object.keys(samples).length < rules.resolvedOptions().pluralCategories.length; n += 1) samples[rules.select(n)] ??= n;
  return samples;
}

/**
 * Where the script says "N new updates": a status line for screen readers (a polite live region,
 * also when updates are inserted at once) and a button that inserts them, and the script.
 * The labels are the page's own messages, one per plural category of its language, `#` for the
 * count: the script picks one with Intl.PluralRules.
 */
export function LiveAnnouncer({ path, latest, pinned }: { path: string; latest: string; pinned: string }) {
  const t = useTranslations('Live');
  const locale = useLocale();
  const labels = Object.fromEntries(Object.entries(sampleCounts(locale)).map(([category, n]) => [category, t('newUpdates', { count: n }).replace(String(n), '#')]));
  return (
    <div data-live-poll={path} data-latest={latest} data-pinned={pinned} data-labels={JSON.stringify(labels)} data-component="live-announcer">
      <p role="status" className="sr-only" data-component="live-announcement" />
      <button type="button" hidden className="mt-4 rounded bg-accent px-3 py-1 text-sm font-bold text-paper" data-component="live-new-updates" />
      <script src={LIVE_UPDATES_SRC} defer />
    </div>
  );
}
