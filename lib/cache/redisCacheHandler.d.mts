// Types for redisCacheHandler.mjs (the project's TypeScript does not read JavaScript: allowJs is off).
import type { CacheHandler, CacheHandlerContext, CacheHandlerValue } from 'next/dist/server/lib/incremental-cache';
import type { IncrementalCacheValue } from 'next/dist/server/response-cache';

export interface PageCacheSettings {
  /** Default: REDIS_URL. */
  redisUrl?: string;
  /** Default: PAGE_CACHE_PREFIX, else `news:page`; the build id is always appended. */
  prefix?: string;
  /** Default: read from `<serverDistDir>/../BUILD_ID` (tests may pin it). */
  buildId?: string;
  /** Entry lifetime. Default: PAGE_CACHE_TTL_SECONDS, else one day. */
  ttlSeconds?: number;
  /** Deadline of every Redis call. Default 200 ms. */
  timeoutMs?: number;
  /** How long calls skip Redis after one timed out. Default 1000 ms. */
  pauseAfterTimeoutMs?: number;
  logError?: (line: string) => void;
  logWarn?: (line: string) => void;
}

export interface PageCacheHandler extends CacheHandler {
  get(...args: Parameters<CacheHandler['get']>): Promise<CacheHandlerValue | null>;
}

export interface PageCacheHandlerClass {
  new (ctx: CacheHandlerContext): PageCacheHandler;
  /** Closes this class's Redis connection. */
  close(): Promise<void>;
}

export function createPageCacheHandler(settings?: PageCacheSettings): PageCacheHandlerClass;
export function encodeValue(value: unknown): unknown;
export function decodeValue(json: unknown): unknown;
export function serializeEntry(entry: { lastModified: number; value: IncrementalCacheValue | null; cacheControl?: CacheHandlerValue['cacheControl'] }): string;
export function parseEntry(text: string): CacheHandlerValue;

/** The handler Next loads (`cacheHandler` in next.config.ts): settings from the environment, one connection per process. */
declare const RedisCacheHandler: PageCacheHandlerClass;
export default RedisCacheHandler;
