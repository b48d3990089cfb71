import { describe, expect, it } from 'vitest';
import { processSingleton } from './processSingleton';

describe('processSingleton', () => {
  it('creates a value once per name and returns the same object after', () => {
    let made = 0;
    const first = processSingleton('test-singleton', () => ({ n: ++made }));
    const second = processSingleton('test-singleton', () => ({ n: ++made }));
    expect(second).toBe(first);
    expect(made).toBe(1);
  });

  it('keeps the value on globalThis, where another bundle of the same process finds it', () => {
    const value = processSingleton('test-global', () => ['shared']);
    expect((globalThis as unknown as Record<symbol, unknown>)[Symbol.for('bilingual-news:test-global')]).toBe(value);
  });
});
