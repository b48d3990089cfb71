/** Where the view beacon is served from (public/view-beacon.js): the site's own origin. */
export const VIEW_BEACON_SRC = '/view-beacon.js';

// Counts one view of a story: the only script a page runs. A file of the site's own, not an
// inline script, so the script policy stays `script-src 'self'` on every page (an inline script
// the page happens to contain, injected or not, is refused). It reads the story from its own data
// attributes; deferred, it runs after the page is parsed and never delays it.
export function ViewBeacon({ slug, locale }: { slug: string; locale: string }) {
  return <script src={VIEW_BEACON_SRC} data-slug={slug} data-locale={locale} defer />;
}
