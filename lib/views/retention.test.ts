import { describe, expect, it } from 'vitest';
import { forgetReadersAt, forgetViewsAt, lastForgottenDay, lastForgottenViewsDay } from './retention';
import { windowDays } from './days';

describe('retention', () => {
  it('forgets a day’s salt and readers ten minutes after the day ends', () => {
    expect(new Date(forgetReadersAt('2026-01-01')).toISOString()).toBe('2026-01-02T00:10:00.000Z');
    expect(lastForgottenDay(Date.parse('2026-01-02T00:09:59Z'))).toBe('2025-12-31');
    expect(lastForgottenDay(Date.parse('2026-01-02T00:10:00Z'))).toBe('2026-01-01');
  });

  it('keeps view counts for the whole Popular window, plus a day', () => {
    const now = Date.parse('2026-01-10T12:00:00Z');
    const oldestRead = windowDays(now, 7).at(-1)!;
    expect(forgetViewsAt(oldestRead, 7)).toBeGreaterThan(now);
    expect(lastForgottenViewsDay(now, 7) < oldestRead).toBe(true);
    expect(lastForgottenViewsDay(now, 7)).toBe('2026-01-02');
    expect(new Date(forgetViewsAt('2026-01-02', 7)).toISOString()).toBe('2026-01-10T00:00:00.000Z');
  });
});
