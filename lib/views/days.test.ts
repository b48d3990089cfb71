import { describe, expect, it } from 'vitest';
import { readSettings } from '../config/settings';
import { dayKey, popularWindowDays, windowDays } from './days';

describe('window arithmetic', () => {
  it('keys days in UTC', () => {
    expect(dayKey(Date.parse('2026-03-01T23:30:00-02:00'))).toBe('2026-03-02');
    expect(dayKey(Date.parse('2026-03-01T00:30:00+03:00'))).toBe('2026-02-28');
  });
  it('lists the trailing window, today first, across month and leap-year ends', () => {
    expect(windowDays(Date.parse('2024-03-02T10:00:00Z'), 3)).toEqual(['2024-03-02', '2024-03-01', '2024-02-29']);
    expect(windowDays(Date.parse('2026-01-01T00:00:00Z'), 2)).toEqual(['2026-01-01', '2025-12-31']);
    expect(windowDays(Date.parse('2026-11-25T12:00:00Z'), 7)).toHaveLength(7);
  });
  it('reads POPULAR_WINDOW_DAYS (default 7) and refuses nonsense by name', () => {
    expect(popularWindowDays()).toBe(7);
    expect(readSettings({ POPULAR_WINDOW_DAYS: '30' }).settings?.popularWindowDays).toBe(30);
    for (const bad of ['0', '-3', '1.5', 'week', '10000']) {
      expect(readSettings({ POPULAR_WINDOW_DAYS: bad }).problems).toEqual([`POPULAR_WINDOW_DAYS=${bad}: expected a whole number of days from 1 to 366`]);
    }
  });
});
