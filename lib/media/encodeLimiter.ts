/** Thrown when the queue is full: the caller answers 503 with Retry-After instead of waiting. */
export class EncoderBusyError extends Error {
  constructor() {
    super('encoder queue full');
    this.name = 'EncoderBusyError';
  }
}

export interface EncodeLimiter {
  /** Runs `work` when a slot is free; rejects at once with EncoderBusyError when too many wait. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Encodes running and waiting now. */
  readonly running: number;
  readonly waiting: number;
}

/**
 * At most `concurrency` encodes at once, at most `queueLimit` waiting. An encode takes a core for
 * up to a second; without a cap, a burst of first requests (a new front page, a crawler) would
 * take every core from page rendering, and without a queue limit the waiting list, and the
 * requests held open behind it, would grow without end.
 */
export function createEncodeLimiter({ concurrency, queueLimit }: { concurrency: number; queueLimit: number }): EncodeLimiter {
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
        if (queue.length >= queueLimit) throw new EncoderBusyError();
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
