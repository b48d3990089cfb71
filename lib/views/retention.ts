import { dayKey } from './days';

export const DAY_MS = 86_400_000;

/**
 * How long a day's salt and reader hashes outlive the day. Beacons sent just before midnight still
 * find their day's salt; after that, nothing left in the store can link a hash to an address.
 */
export const DAY_GRACE_MS = 10 * 60_000;

/** Midnight UTC at the start of a store day (YYYY-MM-DD). */
export function dayStartMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** When a day's salt and reader hashes are deleted: the end of the day plus the grace. */
export function forgetReadersAt(day: string, graceMs = DAY_GRACE_MS): number {
  return dayStartMs(day) + DAY_MS + graceMs;
}

/** The latest day whose salt and readers are already forgotten at `now`. */
export function lastForgottenDay(now: number, graceMs = DAY_GRACE_MS): string {
  return dayKey(now - DAY_MS - graceMs);
}

/**
 * When a day's view counts are deleted: a day after they leave the Popular window (a window of 7
 * reads today and the 6 days before, so a day is read until its 7th midnight).
 */
export function forgetViewsAt(day: string, windowDays: number): number {
  return dayStartMs(day) + (windowDays + 1) * DAY_MS;
}

/** The latest day whose view counts are already deleted at `now`. */
export function lastForgottenViewsDay(now: number, windowDays: number): string {
  return dayKey(now - (windowDays + 1) * DAY_MS);
}
