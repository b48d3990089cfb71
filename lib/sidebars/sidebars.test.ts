import { describe, expect, it } from 'vitest';
import { distinctLists } from './distinct';
import { editorsChoice } from './editorsChoice';
import type { Story } from '../content/types';

describe('distinctLists', () => {
  it('never repeats an item across lists or from the page', () => {
    const lists = distinctLists(
      [
        { id: 'a', ranked: ['1', '2', '3', '4', '5', '6', '7'] },
        { id: 'b', ranked: ['1', '2', '3', '8', '9', '10'] },
        { id: 'c', ranked: ['1', '8', '11', '12', '13'] },
      ],
      ['2'],
      { min: 3, max: 5 },
    );
    const all = Object.values(lists).flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all).not.toContain('2');
    expect(lists).toEqual({ a: ['1', '3', '4', '5', '6'], b: ['8', '9', '10'], c: ['11', '12', '13'] });
  });

  it('gives each list its minimum before any list tops up', () => {
    const lists = distinctLists(
      [
        { id: 'a', ranked: ['1', '2', '3', '4', '5', '6'] },
        { id: 'b', ranked: ['4', '5', '6'] },
      ],
      [],
      { min: 3, max: 5 },
    );
    expect(lists).toEqual({ a: ['1', '2', '3'], b: ['4', '5', '6'] });
  });

  it('leaves a list short rather than repeating', () => {
    expect(distinctLists([{ id: 'a', ranked: ['1'] }, { id: 'b', ranked: ['1'] }], [], { min: 3, max: 5 })).toEqual({ a: ['1'], b: [] });
  });
});

describe('editorsChoice', () => {
  const at = (slug: string, date: string, choice?: number): Story =>
    ({ slug, published: Date.parse(date), editorsChoice: choice }) as Story;
  it('orders by number, then newest, and leaves out unpicked stories', () => {
    const picked = editorsChoice([
      at('none', '2024-01-01T00:00:00Z'),
      at('two', '2020-01-01T00:00:00Z', 2),
      at('true-old', '2019-01-01T00:00:00Z', Number.MAX_SAFE_INTEGER),
      at('one', '2018-01-01T00:00:00Z', 1),
      at('two-newer', '2021-01-01T00:00:00Z', 2),
      at('true-new', '2022-01-01T00:00:00Z', Number.MAX_SAFE_INTEGER),
    ]);
    expect(picked.map((s) => s.slug)).toEqual(['one', 'two-newer', 'two', 'true-new', 'true-old']);
  });
});
