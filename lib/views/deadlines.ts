import type { ViewsStore } from './store';

type Kind = ViewsStore['kind'];

/**
 * How long the beacon waits for the store. Redis is across a network and may hang: a short
 * deadline keeps the beacon answered within 150 ms. SQLite is a local file that does not hang,
 * but on a loaded machine a write can wait for the event loop and the other writer: a longer
 * deadline keeps a slow moment from being logged as an outage (the reader never waits on a beacon).
 */
export function beaconDeadlineMs(kind: Kind): number {
  return kind === 'redis' ? 100 : 1000;
}

/**
 * How long a page render waits for Popular. On a miss it keeps its last good list, so the deadline
 * only bounds the render; for SQLite it is generous, since a local query that is merely slow on a
 * busy 2-core machine should not count as a failure.
 */
export function popularDeadlineMs(kind: Kind): number {
  return kind === 'redis' ? 300 : 2000;
}

/** How long the beacon waits for a shared (Redis) rate limiter before letting the view through. */
export const LIMITER_DEADLINE_MS = 50;
