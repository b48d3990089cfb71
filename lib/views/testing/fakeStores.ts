import type { ViewCount, ViewsStore } from '../store';

/** A store whose calls never settle: a hung connection, for deadline tests. */
export function neverAnsweringStore(kind: ViewsStore['kind'] = 'redis'): ViewsStore {
  const never = () => new Promise<never>(() => {});
  return { kind, record: never, top: never, salt: never, close: async () => {} };
}

/** A store whose Popular answers are scripted per call: a list, an error, 'hang', or a delayed list. */
export function scriptedTopStore(script: Array<ViewCount[] | Error | 'hang' | { after: number; counts: ViewCount[] }>) {
  let calls = 0;
  const store: ViewsStore = {
    kind: 'sqlite',
    record: async () => true,
    salt: async () => 'salt',
    close: async () => {},
    async top() {
      const step = script[Math.min(calls, script.length - 1)]!;
      calls += 1;
      if (step === 'hang') return new Promise<never>(() => {});
      if (step instanceof Error) throw step;
      if ('after' in step) return new Promise((resolve) => setTimeout(() => resolve(step.counts), step.after));
      return step;
    },
  };
  return { store, calls: () => calls };
}
