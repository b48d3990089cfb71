import { describe, expect, it } from 'vitest';
import { createSingleFlight } from './singleFlight';

describe('createSingleFlight', () => {
  it('runs the work once for concurrent callers of one key, and again once it settled', async () => {
    const flight = createSingleFlight<number>();
    let calls = 0;
    let finish!: (value: number) => void;
    const work = () => {
      calls += 1;
      return new Promise<number>((resolve) => (finish = resolve));
    };
    const first = flight.run('k', work);
    const second = flight.run('k', work);
    expect(flight.has('k')).toBe(true);
    finish(7);
    expect(await Promise.all([first, second])).toEqual([7, 7]);
    expect(calls).toBe(1);
    expect(flight.has('k')).toBe(false);
    const third = flight.run('k', work);
    finish(8);
    expect(await third).toBe(8);
    expect(calls).toBe(2);
  });

  it('does not remember a failure', async () => {
    const flight = createSingleFlight<number>();
    await expect(flight.run('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await flight.run('k', async () => 1)).toBe(1);
  });
});
