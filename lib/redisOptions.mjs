// Plain JavaScript: also read by lib/cache/redisCacheHandler.mjs, which Next loads by path,
// outside the bundler, so it cannot import TypeScript.

/**
 * ioredis options for a connection that fails fast instead of queueing: with Redis down, calls
 * reject at once (callers fall back) and it reconnects by itself. Used by the views store, the
 * rate limiter and the shared page cache, so all of them behave alike when Redis goes away.
 * @param {{ commandTimeoutMs?: number }} [options]
 */
export function failFastRedisOptions({ commandTimeoutMs } = {}) {
  return {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    ...(commandTimeoutMs === undefined ? {} : { commandTimeout: commandTimeoutMs }),
    retryStrategy: (/** @type {number} */ attempt) => Math.min(attempt * 200, 2000),
    lazyConnect: false,
  };
}
