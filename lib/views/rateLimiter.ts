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

const DEFAULT_BEACONS_PER_MINUTE = 60;

/**
 * BEACON_LIMIT_PER_MINUTE: beacons one reader may send per minute (default 60); `0` turns the
 * limit off, nonsense falls back to the default rather than breaking the beacon.
 */
export function beaconLimitPerMinute(raw = process.env.BEACON_LIMIT_PER_MINUTE): number | undefined {
  if (raw === undefined || raw.trim() === '') return DEFAULT_BEACONS_PER_MINUTE;
  const limit = Number(raw);
  if (limit === 0) return undefined;
  return Number.isInteger(limit) && limit > 0 ? limit : DEFAULT_BEACONS_PER_MINUTE;
}
