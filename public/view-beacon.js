// Counts one view of a story: the only script the site's pages run, served from the site itself
// so the script policy can be one fixed string, `script-src 'self'` (lib/security/securityHeaders.ts),
// with no inline script allowed. components/ViewBeacon.tsx writes
// <script src="/view-beacon.js" data-slug="…" data-locale="…" defer>; the page works without it.
(function (s) {
  var d = s && s.dataset;
  if (!d || !d.slug) return;
  var body = JSON.stringify({ slug: d.slug, locale: d.locale });
  if (!(navigator.sendBeacon && navigator.sendBeacon('/api/views', new Blob([body], { type: 'application/json' })))) {
    fetch('/api/views', { method: 'POST', body: body, keepalive: true, headers: { 'content-type': 'application/json' } }).catch(function () {});
  }
})(document.currentScript);
