import { describe, expect, it, vi } from 'vitest';
import { withDailyCap } from './dailyCap';
import type { View, ViewsStore } from './store';

function memoryStore(): ViewsStore & { readers: Set<string> } {
  const readers = new Set<string>();
  return {
    kind: 'sqlite',
    readers,
    async record(view: View) {
      const key = `${view.day}:${view.reader}:${view.slug}`;
      if (readers.has(key)) return false;
      readers.add(key);
      return true;
    },
    top: async () => [],
    salt: async () => 'salt',
    close: async () => {},
  };
}

describe('withDailyCap', () => {
  it('stops storing new readers for the day once the cap is reached, and starts again the next day', async () => {
    const inner = memoryStore();
    const store = withDailyCap(inner, 3);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const results = [];
    for (let i = 0; i < 10; i += 1) results.push(await store.record({ slug: 'a', day: '2026-01-01', reader: `fake-${i}` }));
    expect(results.filter(Boolean)).toHaveLength(3);
    expect(inner.readers.size).toBe(3);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(await store.record({ slug: 'a', day: '2026-01-02', reader: 'fake-0' })).toBe(true);
    errors.mockRestore();
  });

  it('does not spend the cap on repeat readers', async () => {
    const store = withDailyCap(memoryStore(), 2);
    for (let i = 0; i < 5; i += 1) await store.record({ slug: 'a', day: '2026-01-01', reader: 'same' });
    expect(await store.record({ slug: 'a', day: '2026-01-01', reader: 'other' })).toBe(true);
  });
});
