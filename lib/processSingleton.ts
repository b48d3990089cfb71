/**
 * One value per server process, shared by every bundle. Next compiles the proxy, the pages and the
 * route handlers into separate module graphs, so a plain module variable exists once per bundle:
 * state that must be one per process (content, caches, salts, limits, the watcher) lives here.
 */
export function processSingleton<T>(name: string, create: () => T): T {
  const slots = globalThis as unknown as Record<symbol, T | undefined>;
  const key = Symbol.for(`bilingual-news:${name}`);
  let value = slots[key];
  if (value === undefined) {
    value = create();
    slots[key] = value;
  }
  return value;
}

/**
 * One opened resource per process (a store, a limiter): the first call opens it and every later
 * call gets the same promise. A promise that rejects is forgotten, so a later call opens again
 * (a store that could not even connect is retried, not failed for the life of the process).
 */
export function processOpenedOnce<T>(name: string, open: () => Promise<T>): Promise<T> {
  const slot = processSingleton<{ current?: Promise<T> }>(name, () => ({}));
  if (!slot.current) {
    const opening = open();
    slot.current = opening;
    opening.catch(() => {
      if (slot.current === opening) slot.current = undefined;
    });
  }
  return slot.current;
}
