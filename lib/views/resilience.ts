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
}

export function createHealth(name: string, meanwhile: string): Health {
  return { name, meanwhile, failing: false, writeFailed: false };
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
    if (health.failing && provesRecovery && (writes || !health.writeFailed)) {
      health.failing = false;
      health.writeFailed = false;
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
  if (health.failing) return;
  health.failing = true;
  console.error(`[views] ${health.name} unavailable (${message}); ${health.meanwhile} until it is back`);
}
