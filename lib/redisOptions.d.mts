// Types for redisOptions.mjs (the project's TypeScript does not read JavaScript: allowJs is off).
import type { RedisOptions } from 'ioredis';

export function failFastRedisOptions(options?: { commandTimeoutMs?: number }): RedisOptions;
