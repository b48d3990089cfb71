import { createHealth, storeHealth } from '../resilience';

/** The process's store health as a new process has it (up), for tests that take the store down. */
export function resetStoreHealth(retryEveryMs?: number): void {
  const health = storeHealth();
  Object.assign(health, createHealth(health.name, health.meanwhile, retryEveryMs));
}
