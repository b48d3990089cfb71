// A live story's page 1 (components/live/LiveCoverage.tsx): asks every 20 s, while the tab is
// visible, for the newest updates' ids (GET …/updates, lib/liveblog/poll.ts: the same answer for
// every reader, so nginx answers nearly all of them) and counts those above its own. It never
// moves the page under the reader: it says "N new updates" (a button, and a status line for
// screen readers), and inserts them when the reader asks, or at once at the top of the updates.
// A file of the site's own, so the script policy stays `script-src 'self'`; the page is complete
// without it (a plain link reloads it).
(function (root) {
  if (!root || !window.fetch || !window.DOMParser) return;
  var INTERVAL_MS = Number(root.getAttribute('data-interval-ms')) || 20000;
  var endpoint = root.getAttribute('data-live-poll');
  var latest = root.getAttribute('data-latest') || '';
  var pinned = root.getAttribute('data-pinned') || '';
  var labels = JSON.parse(root.getAttribute('data-labels') || '{}');
  var plural = new Intl.PluralRules(document.documentElement.lang);
  var button = root.querySelector('button');
  var status = root.querySelector('[role="status"]');
  var list = document.querySelector('[data-component="live-updates"]');
  var pinnedSlot = document.querySelector('[data-component="live-pinned-slot"]');
  var reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  var timer;
  // Set once the coverage has ended: nothing new will come.
  var ended = false;

  function schedule() {
    clearTimeout(timer);
    if (!ended) timer = setTimeout(poll, INTERVAL_MS);
  }

  function readerAtTop() {
    return !list || list.getBoundingClientRect().top >= 0;
  }

  function label(count) {
    return (labels[plural.select(count)] || labels.other || '#').replace('#', String(count));
  }

  function announce(count) {
    button.textContent = label(count);
    status.textContent = label(count);
    button.hidden = false;
  }

  // New updates are taken from page 1 itself (cached like any page), newest first, and so is a
  // newly pinned post. `no-cache`: the browser must ask (an ETag makes that cheap), not serve the
  // copy it keeps under the page's stale-while-revalidate, which is the page before the update.
  function insert(focus) {
    return fetch(location.pathname, { cache: 'no-cache', headers: { accept: 'text/html' } })
      .then(function (response) {
        return response.ok ? response.text() : Promise.reject(new Error(String(response.status)));
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        var fresh = page.querySelectorAll('[data-component="live-updates"] > article');
        var added = [];
        for (var i = 0; i < fresh.length; i += 1) {
          if (document.getElementById(fresh[i].id)) break;
          added.push(document.importNode(fresh[i], true));
        }
        var repinned = replacePinned(page.querySelector('[data-component="live-pinned-slot"]'));
        // The page may still be the one from before the update (a cache in front keeps it a few
        // seconds): then nothing changes, and the next poll tries again.
        if (added.length === 0 && repinned === undefined) return;
        for (var j = added.length - 1; j >= 0; j -= 1) list.insertBefore(added[j], list.firstChild);
        if (added.length > 0) latest = fresh[0].id.replace(/^update-/, '');
        button.hidden = true;
        var first = added[0] || repinned;
        if (!focus) status.textContent = label(added.length + (repinned === undefined ? 0 : 1));
        if (focus && first) {
          first.setAttribute('tabindex', '-1');
          first.focus({ preventScroll: true });
          first.scrollIntoView({ behavior: reducedMotion ? 'auto' : 'smooth', block: 'start' });
        }
      });
  }

  // The pinned post of the fresh page in place of the one shown, if it is another one. Returns
  // undefined when nothing changed, else the new pinned article (null when none is pinned now).
  function replacePinned(freshSlot) {
    if (!freshSlot || !pinnedSlot) return undefined;
    var article = freshSlot.querySelector('article');
    var id = article ? article.id.replace(/^update-/, '') : '';
    if (id === pinned) return undefined;
    pinned = id;
    while (pinnedSlot.firstChild) pinnedSlot.removeChild(pinnedSlot.firstChild);
    if (!article) return null;
    // Pinned now, it leaves the list (the page never shows an update twice).
    var listed = document.getElementById(article.id);
    if (listed) listed.parentNode.removeChild(listed);
    return pinnedSlot.appendChild(document.importNode(article, true));
  }

  function poll() {
    if (document.visibilityState !== 'visible') return schedule();
    fetch(endpoint, { headers: { accept: 'application/json' } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (answer) {
        if (!answer) return;
        ended = !answer.live;
        // Not listed (removed, or more new ones than the answer lists): all of them are news.
        var shown = answer.recent.indexOf(latest);
        var count = (shown < 0 ? answer.recent.length : shown) + ((answer.pinned || '') !== pinned ? 1 : 0);
        if (count > 0) {
          if (readerAtTop()) return insert(false);
          announce(count);
        }
      })
      .catch(function () {})
      .then(schedule);
  }

  button.addEventListener('click', function () {
    insert(true).catch(function () {
      location.reload();
    });
  });
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState !== 'visible' || ended) return;
    clearTimeout(timer);
    poll();
  });
  schedule();
})(document.querySelector('[data-live-poll]'));
