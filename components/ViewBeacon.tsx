// Counts one view of a story: the only script a page runs. Pages go out without Next's client
// runtime (scripts/server/frameworkScripts.mjs), so this is a plain inline script rather than a
// client component; it is the same text on every page (one CSP hash), reading the story from its
// own data attributes. The page works the same without it.
const COUNT_VIEW = `(function (s) {
  var d = s && s.dataset;
  if (!d || !d.slug) return;
  var body = JSON.stringify({ slug: d.slug, locale: d.locale });
  if (!(navigator.sendBeacon && navigator.sendBeacon('/api/views', new Blob([body], { type: 'application/json' })))) {
    fetch('/api/views', { method: 'POST', body: body, keepalive: true, headers: { 'content-type': 'application/json' } }).catch(function () {});
  }
})(document.currentScript);`;

export function ViewBeacon({ slug, locale }: { slug: string; locale: string }) {
  return <script data-slug={slug} data-locale={locale} dangerouslySetInnerHTML={{ __html: COUNT_VIEW }} />;
}
