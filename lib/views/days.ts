import { settings } from '../config/settings';

const DAY_MS = 86_400_000;

/** The UTC calendar day of a moment, as the store keys it: YYYY-MM-DD. */
export function dayKey(at: Date | number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The days of a trailing window ending today, today first: `days` = 7 gives today and 6 before. */
export function windowDays(now: Date | number, days: number): string[] {
  const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
  return Array.from({ length: Math.max(1, Math.floor(days)) }, (_, i) => dayKey(today - i * DAY_MS));
}

/** POPULAR_WINDOW_DAYS (lib/config/settings.ts), default 7. */
export function popularWindowDays(): number {
  return settings().popularWindowDays;
}
