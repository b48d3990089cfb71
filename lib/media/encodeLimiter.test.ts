import { describe, expect, it } from 'vitest';
import { createEncodeLimiter, EncoderBusyError } from './encodeLimiter';

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
};

describe('createEncodeLimiter', () => {
  it('runs at most `concurrency` at once, queues up to `queueLimit`, refuses the rest at once', async () => {
    const limiter = createEncodeLimiter({ concurrency: 2, queueLimit: 1 });
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
    await expect(limiter.run(job(0))).rejects.toBeInstanceOf(EncoderBusyError);
    gates.forEach((g) => g.open());
    expect(await Promise.all(running)).toEqual([0, 1, 2]);
    expect(peak).toBe(2);
    expect([limiter.running, limiter.waiting]).toEqual([0, 0]);
  });

  it('frees the slot when the work fails', async () => {
    const limiter = createEncodeLimiter({ concurrency: 1, queueLimit: 0 });
    await expect(limiter.run(() => Promise.reject(new Error('bad photo')))).rejects.toThrow('bad photo');
    expect(await limiter.run(async () => 'next')).toBe('next');
  });
});
