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
