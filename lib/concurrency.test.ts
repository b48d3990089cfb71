import { describe, expect, it } from 'vitest';
import { createWorkLimiter, LimiterBusyError, mapWithLimit } from './concurrency';

describe('mapWithLimit', () => {
  it('never runs more than the limit at once and keeps the order', async () => {
    let running = 0;
    let most = 0;
    const result = await mapWithLimit([...Array(50).keys()], 4, async (n) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, n % 3));
      running -= 1;
      return n * 2;
    });
    expect(most).toBe(4);
    expect(result).toEqual([...Array(50).keys()].map((n) => n * 2));
  });

  it('rejects with the first error', async () => {
    await expect(mapWithLimit([1, 2, 3], 2, async (n) => { if (n === 2) throw new Error('two'); return n; })).rejects.toThrow('two');
  });
});

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
};

describe('createWorkLimiter', () => {
  it('runs at most `concurrency` at once, queues up to `queueLimit`, refuses the rest at once', async () => {
    const limiter = createWorkLimiter({ concurrency: 2, queueLimit: 1 });
    const gates = [gate(), gate(), gate()];
    let peak = 0;
    let active = 0;
    const job = (index: number) => async () => {
      active += 1;
      peak = Math.max(peak, active);
      await gates[index]!.opened;
      active -= 1;
      return index;
    };
    const running = [limiter.run(job(0)), limiter.run(job(1)), limiter.run(job(2))];
    expect([limiter.running, limiter.waiting]).toEqual([2, 1]);
    await expect(limiter.run(job(0))).rejects.toBeInstanceOf(LimiterBusyError);
    gates.forEach((g) => g.open());
    expect(await Promise.all(running)).toEqual([0, 1, 2]);
    expect(peak).toBe(2);
    expect([limiter.running, limiter.waiting]).toEqual([0, 0]);
  });

  it('frees the slot when the work fails', async () => {
    const limiter = createWorkLimiter({ concurrency: 1, queueLimit: 0 });
    await expect(limiter.run(() => Promise.reject(new Error('bad input')))).rejects.toThrow('bad input');
    expect(await limiter.run(async () => 'next')).toBe('next');
  });
});
