import { describe, expect, it } from 'vitest';
import { paginate, parsePageParam } from './pagination';

describe('parsePageParam', () => {
  it('treats a missing page as page 1', () => expect(parsePageParam(undefined)).toBe(1));
  it('accepts plain positive integers', () => {
    expect(parsePageParam('1')).toBe(1);
    expect(parsePageParam('42')).toBe(42);
  });
  it.each(['0', '-1', '1.5', 'abc', '', '01', '1e3', ' 2', '9999999'])('rejects %j', (raw) => {
    expect(parsePageParam(raw)).toBeUndefined();
  });
  it('rejects a repeated parameter', () => expect(parsePageParam(['1', '2'])).toBeUndefined());
});

describe('paginate', () => {
  const items = Array.from({ length: 25 }, (_, i) => i);
  it('slices pages and counts them', () => {
    expect(paginate(items, 1, 10)).toEqual({ items: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], page: 1, pageCount: 3 });
    expect(paginate(items, 3, 10)).toEqual({ items: [20, 21, 22, 23, 24], page: 3, pageCount: 3 });
  });
  it('has no page past the end', () => expect(paginate(items, 4, 10)).toBeUndefined());
  it('has one empty first page for an empty list', () => {
    expect(paginate([], 1, 10)).toEqual({ items: [], page: 1, pageCount: 1 });
    expect(paginate([], 2, 10)).toBeUndefined();
  });
});
