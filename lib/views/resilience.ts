import { processSingleton } from '../process/registry';

/**
 * Calls to the views store (and the beacon's rate limiter) never break a page or stall the beacon:
 * each has a deadline and a fallback, and an outage is logged once (and its end once), not on
 * every request.
 */
export interface Health {
  /** What is down, as logged: "store", "rate limiter". */
  readonly name: string;
  /** What readers get meanwhile, as logged. */
  readonly meanwhile: string;
  failing: boolean;
  /**
   * A write failed during this outage. A full or read-only disk fails writes while reads still
   * work, so only a write that succeeds ends such an outage: were a read enough, every render would
   * log a recovery and the next beacon the outage again.
   */
  writeFailed: boolean;
  /** A read failed during this outage (and none has succeeded since): reads are down too. */
  readFailed: boolean;
  /** While it is down, how often it is tried again (see `unlessKnownDown`). */
  retryEveryMs: number;
  /** When the next try may start (performance.now()), and whether one is under way. */
  nextTryAt: number;
  trying: boolean;
}

/** How often a store or limiter known to be down is tried again, in the background. */
export const RETRY_WHILE_DOWN_MS = 3_000;

export function createHealth(name: string, meanwhile: string, retryEveryMs = RETRY_WHILE_DOWN_MS): Health {
  return { name, meanwhile, failing: false, writeFailed: false, readFailed: false, retryEveryMs, nextTryAt: 0, trying: false };
}

/**
 * `work()`, unless `health` is known to be down for it: then `fallback` at once, so no beacon or
 * render waits out a deadline for a store that is not there, and `work()` runs in the background,
 * one at a time and at most once per `health.retryEveryMs`, to find out when it is back (its own
 * `withDeadline` calls log the return). A beacon tried so is counted if the store takes it. Work
 * that only reads (Popular) goes on as usual while only writes fail (a full or read-only disk).
 */
export function unlessKnownDown<T>(health: Health, work: () => Promise<T>, fallback: T, kind: 'reads' | 'writes' = 'writes'): Promise<T> {
  const down = health.failing && (kind === 'writes' || health.readFailed);
  if (!down) return work();
  const now = performance.now();
  if (!health.trying && now >= health.nextTryAt) {
    health.trying = true;
    health.nextTryAt = now + health.retryEveryMs;
    void work()
      .catch(() => undefined)
      .finally(() => {
        health.trying = false;
      });
  }
  return Promise.resolve(fallback);
}

/** One per process, so the proxy, page and route bundles log an outage once between them. */
export function storeHealth(): Health {
  return processSingleton('views:storeHealth', () =>
    createHealth('store', 'views are not counted and Popular keeps its last list'),
  );
}

export async function withDeadline<T>(
  operation: () => Promise<T>,
  fallback: T,
  ms: number,
  what: string,
  health: Health = storeHealth(),
  // An operation that may be answered from memory (the day's salt) says nothing about the store;
  // `writes`: the operation writes (a beacon), see Health.writeFailed.
  { provesRecovery = true, writes = false }: { provesRecovery?: boolean; writes?: boolean } = {},
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    const result = await Promise.race([operation(), deadline]);
    if (result === 'timeout') {
      reportFailure(health, `${what} took over ${ms} ms`, writes);
      return fallback;
    }
    if (!writes && provesRecovery) health.readFailed = false;
    if (health.failing && provesRecovery && (writes || !health.writeFailed)) {
      health.failing = false;
      health.writeFailed = false;
      health.readFailed = false;
      console.warn(`[views] ${health.name} is answering again`);
    }
    return result;
  } catch (error) {
    reportFailure(health, `${what} failed: ${error instanceof Error ? error.message : String(error)}`, writes);
    return fallback;
  } finally {
    clearTimeout(timer);
  }
}

function reportFailure(health: Health, message: string, writes: boolean) {
  if (writes) health.writeFailed = true;
  else health.readFailed = true;
  if (health.failing) return;
  health.failing = true;
  health.nextTryAt = performance.now() + health.retryEveryMs;
  console.error(`[views] ${health.name} unavailable (${message}); ${health.meanwhile} until it is back`);
}
