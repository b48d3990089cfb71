/**
 * Runs `work` once per key at a time: callers asking for a key whose work is under way get the
 * same promise. Concurrent first requests for one variant then cost one encode, not one each.
 * The entry goes when the work settles (the disk cache remembers results, not this map), so a
 * failure is not remembered either and the next request tries again.
 */
export interface SingleFlight<T> {
  run(key: string, work: () => Promise<T>): Promise<T>;
  /** Keys with work under way: for tests and for the queue check (joining costs no slot). */
  has(key: string): boolean;
}

export function createSingleFlight<T>(): SingleFlight<T> {
  const inFlight = new Map<string, Promise<T>>();
  return {
    run(key, work) {
      const running = inFlight.get(key);
      if (running) return running;
      const started = work().finally(() => inFlight.delete(key));
      inFlight.set(key, started);
      return started;
    },
    has: (key) => inFlight.has(key),
  };
}
