import { settings } from '../config/settings';

/** Whether one more request from a key is allowed, and when to try again if not. */
export interface RateVerdict {
  allowed: boolean;
  /** Seconds until the key's window ends (for `Retry-After`); 0 when allowed. */
  retryAfterSeconds: number;
}

/**
 * Counts requests per key in fixed windows. Two implementations: in memory (one process) and
 * Redis (shared by instances). Both pass rateLimiter.contract.test.ts.
 */
export interface RateLimiter {
  hit(key: string): Promise<RateVerdict>;
}

export interface FixedWindowOptions {
  /** Requests allowed per key per window. */
  limit: number;
  windowMs: number;
  now?: () => number;
}

export const ALLOWED: RateVerdict = Object.freeze({ allowed: true, retryAfterSeconds: 0 });

/** The window a moment falls in: windows start at multiples of `windowMs`, the same on every instance. */
export function fixedWindow(now: number, windowMs: number): { index: number; endsAt: number } {
  const index = Math.floor(now / windowMs);
  return { index, endsAt: (index + 1) * windowMs };
}

export function verdict(count: number, limit: number, now: number, endsAt: number): RateVerdict {
  return count <= limit ? ALLOWED : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now) / 1000)) };
}


/**
 * BEACON_LIMIT_PER_MINUTE (lib/config/settings.ts): beacons one reader may send per minute
 * (default 60); undefined when `0` turns the limit off.
 */
export function beaconLimitPerMinute(): number | undefined {
  return settings().beaconLimitPerMinute;
}
