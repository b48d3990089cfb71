import { describe, expect, it } from 'vitest';
import { mapWithLimit } from './concurrency';

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
