/**
 * Maps over items with at most `limit` calls in flight, keeping the input order. Content loading
 * uses it so a 10,000-story archive never opens every file at once (EMFILE past the open-file
 * limit, which is 1,024 by default on Linux).
 */
export async function mapWithLimit<T, R>(items: readonly T[], limit: number, map: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Thrown when a WorkLimiter's queue is full: the caller answers 503 with Retry-After instead of waiting. */
export class LimiterBusyError extends Error {
  constructor() {
    super('work queue full');
    this.name = 'LimiterBusyError';
  }
}

export interface WorkLimiter {
  /** Runs `work` when a slot is free; rejects at once with LimiterBusyError when too many wait. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Tasks running and waiting now. */
  readonly running: number;
  readonly waiting: number;
}

/**
 * At most `concurrency` tasks at once, at most `queueLimit` waiting, for work that takes a core
 * for up to a second (a photo encode, lib/media/mediaServices.ts; a card render,
 * lib/og/cardResponse.ts): without a cap, a burst of first requests (a new front page, a crawler)
 * would take every core from page rendering, and without a queue limit the waiting list, and the
 * requests held open behind it, would grow without end.
 */
export function createWorkLimiter({ concurrency, queueLimit }: { concurrency: number; queueLimit: number }): WorkLimiter {
  let running = 0;
  const queue: Array<() => void> = [];
  const release = () => {
    running -= 1;
    const next = queue.shift();
    if (next) {
      running += 1;
      next();
    }
  };
  return {
    async run(work) {
      if (running >= concurrency) {
        if (queue.length >= queueLimit) throw new LimiterBusyError();
        await new Promise<void>((resolve) => queue.push(resolve));
      } else {
        running += 1;
      }
      try {
        return await work();
      } finally {
        release();
      }
    },
    get running() {
      return running;
    },
    get waiting() {
      return queue.length;
    },
  };
}
