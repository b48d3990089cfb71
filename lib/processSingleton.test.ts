import { describe, expect, it } from 'vitest';
import { processOpenedOnce, processSingleton } from './processSingleton';

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

describe('processOpenedOnce', () => {
  it('opens once, and again after an opening that failed', async () => {
    const name = `test:opened-once:${Math.random()}`;
    let opened = 0;
    const open = async () => {
      opened += 1;
      if (opened === 1) throw new Error('cannot connect');
      return opened;
    };
    await expect(processOpenedOnce(name, open)).rejects.toThrow('cannot connect');
    expect(await processOpenedOnce(name, open)).toBe(2);
    expect(await processOpenedOnce(name, open)).toBe(2);
    expect(opened).toBe(2);
  });
});
