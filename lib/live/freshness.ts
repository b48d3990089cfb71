/**
 * The freshness promise to editors, stated once: a saved edit is on every page that shows it
 * within this many seconds (watcher debounce + reload + targeted re-render, measured at about
 * half a second here). The README quotes it and e2e/live-editing.spec.ts holds the site to it.
 */
export const FRESHNESS_SECONDS = 3;
