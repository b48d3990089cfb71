// Next's incremental cache (ISR pages, route handlers, the fetch cache) in Redis, shared by every
// instance. Opt-in: next.config.ts names this file as `cacheHandler` only when PAGE_CACHE=redis
// (docs/operations.md, "Shared page cache on Redis"). Next imports it at runtime by path, outside
// the bundler: plain Node ESM, importing only node built-ins and ioredis.
//
// The interface is Next 16.4.6's `CacheHandler` (next/dist/server/lib/incremental-cache/index.d.ts);
// the rules copied here are those of its default, file-system-cache.js with
// tags-manifest.external.js. Check both again when Next changes version.
//
// Redis layout, under `<PAGE_CACHE_PREFIX or news:page>:<BUILD_ID>` (another build never reads
// these keys, and a custom prefix cannot drop the build id):
//   …:entry:<Next's cache key>  hash  d = the entry (JSON, below), t = its tags (JSON array)
//   …:tags                      hash  tag -> the time it expires entries made before it (ms)
// Entries expire after PAGE_CACHE_TTL_SECONDS (a day) unless set again; the tags hash lives at
// least that long after its last change, so it outlives every entry it could still expire.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Redis from 'ioredis';
import { runtimeEnvironment, settings as siteSettings } from '../config/settings.ts';
import { processSingleton } from '../process/registry.ts';
import { failFastRedisOptions } from '../redisOptions.mjs';
import { renderStarts } from './renderStarts.mjs';

/** NEXT_CACHE_TAGS_HEADER (next/dist/lib/constants.js): a rendered page's tags, implicit ones included. */
const TAGS_HEADER = 'x-next-cache-tags';
const DAY_SECONDS = 24 * 60 * 60;
/** The longest the tags hash is kept, whatever far-off expiry a revalidateTag asks for. */
const MAX_TAGS_KEEP_MS = 400 * DAY_SECONDS * 1000;
const TIMED_OUT = Symbol('timed out');

// One round trip per read: the entry, its stored tags, and the expiry of each of those tags and of
// the tags the request brings (ARGV: a fetch entry's tags and soft tags).
const GET_SCRIPT = `
local entry = redis.call('HMGET', KEYS[1], 'd', 't')
if not entry[1] then return false end
local tags = {}
if entry[2] and entry[2] ~= '' then tags = cjson.decode(entry[2]) end
for i = 1, #ARGV do tags[#tags + 1] = ARGV[i] end
local expired = {}
if #tags > 0 then expired = redis.call('HMGET', KEYS[2], unpack(tags)) end
return {entry[1], entry[2] or '', expired}
`;

// ARGV[1]: how long the hash must live from now (ms); ARGV[2]: 'set' (overwrite, as Next's own
// manifest does) or 'later' (a write kept through an outage: never overwrites a later time);
// then tag, time pairs.
const EXPIRE_TAGS_SCRIPT = `
local onlyLater = ARGV[2] == 'later'
for i = 3, #ARGV, 2 do
  local current = onlyLater and redis.call('HGET', KEYS[1], ARGV[i]) or false
  if not current or tonumber(current) < tonumber(ARGV[i + 1]) then
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
  end
end
local keep = tonumber(ARGV[1])
if redis.call('PTTL', KEYS[1]) < keep then redis.call('PEXPIRE', KEYS[1], keep) end
return 1
`;

// ---------------------------------------------------------------------------------------------
// Serialization. Values hold Buffers (APP_PAGE rscData, APP_ROUTE body), a Map of Buffers
// (APP_PAGE segmentData) and plain JSON (html, headers, status, postponed, cacheControl, fetch
// data). JSON with two tags: {"$b": base64} for a Buffer/Uint8Array (read back as a Buffer) and
// {"$m": [[key, value], …]} for a Map. An object's own key starting with "$" is written with one
// more "$" (and read back without it), so no stored object can be taken for a tag.

/** A JSON-safe copy of a cache value; throws on anything it could not restore exactly. */
export function encodeValue(value) {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`cannot store the number ${value}`);
    return value;
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return { $b: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  }
  if (value instanceof Map) return { $m: [...value].map(([key, item]) => [encodeValue(key), encodeValue(item)]) };
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : encodeValue(item)));
  if (typeof value === 'object') {
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      throw new TypeError(`cannot store a ${value.constructor?.name ?? 'non-plain object'}`);
    }
    const out = {};
    for (const [key, item] of Object.entries(value)) {
      // Like JSON: an absent property and an undefined one read back the same.
      if (item !== undefined) out[key.startsWith('$') ? `$${key}` : key] = encodeValue(item);
    }
    return out;
  }
  throw new TypeError(`cannot store a ${typeof value}`);
}

/** The value encodeValue was given (Buffers come back as Buffers, Maps as Maps). */
export function decodeValue(json) {
  if (json === null || typeof json !== 'object') return json;
  if (Array.isArray(json)) return json.map(decodeValue);
  const keys = Object.keys(json);
  if (keys.length === 1 && keys[0] === '$b') return Buffer.from(json.$b, 'base64');
  if (keys.length === 1 && keys[0] === '$m') return new Map(json.$m.map(([key, item]) => [decodeValue(key), decodeValue(item)]));
  const out = {};
  for (const key of keys) out[key.startsWith('$') ? key.slice(1) : key] = decodeValue(json[key]);
  return out;
}

/** An entry as stored in the `d` field. */
export function serializeEntry({ lastModified, value, cacheControl }) {
  return JSON.stringify({ lastModified, cacheControl: cacheControl ?? null, value: encodeValue(value) });
}

export function parseEntry(text) {
  const { lastModified, cacheControl, value } = JSON.parse(text);
  if (typeof lastModified !== 'number') throw new TypeError('stored entry without lastModified');
  const entry = { lastModified, value: decodeValue(value) };
  if (cacheControl) entry.cacheControl = cacheControl;
  return entry;
}

/**
 * The tags the file-system cache checks for an entry it holds (file-system-cache.js, get): for
 * APP_PAGE, APP_ROUTE and PAGES values the x-next-cache-tags header when it is a string (Next
 * writes the page's implicit `_N_T_` path and layout tags there); for FETCH values the tags the
 * request brings (ctx.tags and ctx.softTags), so none are stored.
 */
function storedTags(value) {
  if (value?.kind !== 'APP_PAGE' && value?.kind !== 'APP_ROUTE' && value?.kind !== 'PAGES') return [];
  const header = value.headers?.[TAGS_HEADER];
  return typeof header === 'string' ? header.split(',') : [];
}

/** areTagsExpired (tags-manifest.external.js): expired at or before now, and after the entry was made. */
function isExpired(expiredAt, lastModified, now) {
  return typeof expiredAt === 'number' && expiredAt <= now && expiredAt > lastModified;
}

function settingsFromEnv() {
  const { redisUrl, pageCachePrefix, pageCacheTtlSeconds } = siteSettings();
  return { redisUrl, prefix: pageCachePrefix, ttlSeconds: pageCacheTtlSeconds };
}

const MEANWHILE = {
  get: 'pages are rendered here instead of read from the shared cache',
  set: 'rendered pages are not stored for the other instances',
  revalidateTag: 'revalidations are kept here and written when Redis is back',
};

/**
 * A handler class with its own Redis connection and outage state: one per process for Next (the
 * default export); tests make one per simulated instance.
 */
export function createPageCacheHandler(options = {}) {
  const settings = { ...settingsFromEnv(), ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  const prefix = settings.prefix ?? 'news:page';
  const ttlMs = Math.round((settings.ttlSeconds ?? DAY_SECONDS) * 1000);
  const timeoutMs = settings.timeoutMs ?? 200;
  // After a command times out (a stalled Redis), calls skip Redis for this long instead of each
  // waiting out its own timeout.
  const pauseMs = settings.pauseAfterTimeoutMs ?? 1000;
  const logError = settings.logError ?? ((line) => console.error(line));
  const logWarn = settings.logWarn ?? ((line) => console.warn(line));

  const state = {
    redis: undefined,
    ready: undefined,
    everReady: false,
    skipUntil: 0,
    /** Operations failing in the current outage, each logged once. */
    failing: new Set(),
    /** Notes logged once per process (a missing BUILD_ID, an entry that cannot be stored). */
    noted: new Set(),
    /** Build folder -> the Redis key base for it (undefined when it has no readable BUILD_ID). */
    bases: new Map(),
    /** Tags hash -> (tag -> expiry) that could not be written yet. */
    pending: new Map(),
    flushing: false,
    /** Entry key -> when this process last found it missing or stale: when a render began. */
    renderStarts: renderStarts(),
  };

  function noteOnce(id, line) {
    if (state.noted.has(id)) return;
    state.noted.add(id);
    logError(line);
  }

  function connection() {
    if (state.redis) return state.redis;
    // As the views store's, and a command timeout, so a stalled Redis answers within timeoutMs.
    const redis = new Redis(settings.redisUrl, failFastRedisOptions({ commandTimeoutMs: timeoutMs }));
    redis.on('error', () => {}); // surfaced (and logged once) by the calls
    redis.on('ready', () => {
      state.everReady = true;
    });
    state.ready = new Promise((resolve) => redis.once('ready', resolve));
    redis.defineCommand('pageCacheGet', { numberOfKeys: 2, lua: GET_SCRIPT });
    redis.defineCommand('pageCacheExpireTags', { numberOfKeys: 1, lua: EXPIRE_TAGS_SCRIPT });
    state.redis = redis;
    return redis;
  }

  /** The operation's result, or `failed` (logged once per outage) past timeoutMs or on an error. */
  async function run(what, operation) {
    if (Date.now() < state.skipUntil) {
      failed(what, `skipped: a command timed out less than ${pauseMs} ms ago`);
      return { failed: true };
    }
    let timer;
    const deadline = new Promise((resolve) => {
      timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
    });
    const work = (async () => {
      const redis = connection();
      if (redis.status !== 'ready') {
        // Only the process's first connection is waited for (within the deadline); after that,
        // a lost connection fails at once and the request goes on without Redis.
        if (state.everReady || (redis.status !== 'connecting' && redis.status !== 'connect')) {
          throw new Error(`not connected (${redis.status})`);
        }
        await state.ready;
      }
      return operation(redis);
    })();
    work.catch(() => {}); // a late failure after the deadline is already accounted for
    try {
      const result = await Promise.race([work, deadline]);
      if (result === TIMED_OUT) {
        state.skipUntil = Date.now() + pauseMs;
        failed(what, `no answer within ${timeoutMs} ms`);
        return { failed: true };
      }
      succeeded(what);
      return { failed: false, result };
    } catch (error) {
      if (/timed out/i.test(error?.message ?? '')) state.skipUntil = Date.now() + pauseMs;
      failed(what, error instanceof Error ? error.message : String(error));
      return { failed: true };
    } finally {
      clearTimeout(timer);
    }
  }

  function failed(what, detail) {
    if (state.failing.has(what)) return;
    state.failing.add(what);
    logError(`[page-cache] Redis unavailable (${what}: ${detail}); ${MEANWHILE[what]} until it is back`);
  }

  function succeeded(what) {
    // Only the kind of call that failed proves it works again (a read-only Redis still reads).
    if (state.failing.delete(what) && state.failing.size === 0) logWarn('[page-cache] Redis is answering again');
    if (state.pending.size > 0 && what !== 'revalidateTag') void flushPending();
  }

  /** Writes the revalidations an outage kept here, never over a later one made meanwhile. */
  async function flushPending() {
    if (state.flushing) return;
    state.flushing = true;
    try {
      for (const [tagsKey, tags] of [...state.pending]) {
        const pairs = [...tags];
        const latest = Math.max(...pairs.map(([, at]) => at));
        const done = await run('revalidateTag', (redis) =>
          redis.pageCacheExpireTags(tagsKey, keepTagsMs(latest), 'later', ...pairs.flatMap(([tag, at]) => [tag, String(at)])),
        );
        if (done.failed) return;
        for (const [tag, at] of pairs) if (tags.get(tag) === at) tags.delete(tag);
        if (tags.size === 0) state.pending.delete(tagsKey);
      }
    } finally {
      state.flushing = false;
    }
  }

  function keepTagsMs(latestExpiry) {
    return Math.min(MAX_TAGS_KEEP_MS, Math.max(0, Math.ceil(latestExpiry - Date.now())) + ttlMs);
  }

  /** `<prefix>:<BUILD_ID>` for the build Next serves from serverDistDir, cached per process. */
  function keyBase(ctx) {
    if (settings.buildId) return `${prefix}:${settings.buildId}`;
    const serverDistDir = ctx?.serverDistDir;
    if (!serverDistDir) {
      noteOnce('no-dist', '[page-cache] Next gave no serverDistDir: the shared page cache is off');
      return undefined;
    }
    if (!state.bases.has(serverDistDir)) {
      const file = path.join(serverDistDir, '..', 'BUILD_ID');
      let buildId;
      try {
        buildId = readFileSync(file, 'utf8').trim() || undefined;
      } catch {
        buildId = undefined;
      }
      if (!buildId) noteOnce(`no-build-id:${file}`, `[page-cache] cannot read ${file}: the shared page cache is off`);
      state.bases.set(serverDistDir, buildId ? `${prefix}:${buildId}` : undefined);
    }
    return state.bases.get(serverDistDir);
  }

  return class RedisCacheHandler {
    /** @param {import('next/dist/server/lib/incremental-cache').CacheHandlerContext} ctx */
    constructor(ctx) {
      // Next constructs a handler per request: everything lasting lives in `state`.
      // Off (every get a miss, every set dropped): under `next dev` (pages are never cached
      // there), during `next build` (its workers start before the new BUILD_ID is written, and the
      // build writes its pages itself), without REDIS_URL, or without a readable BUILD_ID.
      const off = ctx?.dev || runtimeEnvironment.building() || !settings.redisUrl;
      if (!settings.redisUrl && !ctx?.dev && !runtimeEnvironment.building()) {
        noteOnce('no-url', '[page-cache] PAGE_CACHE=redis without REDIS_URL: the shared page cache is off');
      }
      this.base = off ? undefined : keyBase(ctx);
      this.revalidatedTags = ctx?.revalidatedTags ?? [];
    }

    /**
     * The entry, or null when there is none, Redis does not answer in time, or one of its tags was
     * expired after it was made (then Next renders it again, as with the default cache).
     */
    async get(cacheKey, ctx) {
      if (!this.base) return null;
      const entry = await this.#read(cacheKey, ctx);
      const now = Date.now();
      const revalidate = entry?.cacheControl?.revalidate;
      // A miss, or an entry past its revalidate time (Next serves it and renders it again).
      if (!entry || (typeof revalidate === 'number' && entry.lastModified + revalidate * 1000 <= now)) state.renderStarts.read(`${this.base}:entry:${cacheKey}`, now);
      return entry;
    }

    async #read(cacheKey, ctx) {
      const requestTags = ctx?.kind === 'FETCH' ? [...(ctx.tags ?? []), ...(ctx.softTags ?? [])] : [];
      // file-system-cache.js: a fetch entry whose tag this request revalidated (minimal mode).
      if (requestTags.some((tag) => this.revalidatedTags.includes(tag))) return null;
      const tagsKey = `${this.base}:tags`;
      const reply = await run('get', (redis) => redis.pageCacheGet(`${this.base}:entry:${cacheKey}`, tagsKey, ...requestTags));
      if (reply.failed || !reply.result) return null;
      const [data, tagsJson, expiredAt] = reply.result;
      let entry;
      let tags;
      try {
        entry = parseEntry(data);
        tags = [...(tagsJson ? JSON.parse(tagsJson) : []), ...requestTags];
      } catch (error) {
        noteOnce('unreadable', `[page-cache] cannot read the stored entry ${cacheKey} (${error.message}); rendering it again`);
        return null;
      }
      const now = performance.timeOrigin + performance.now();
      const kept = state.pending.get(tagsKey);
      const expired = tags.some(
        (tag, i) =>
          isExpired(typeof expiredAt[i] === 'string' ? Number(expiredAt[i]) : undefined, entry.lastModified, now) ||
          isExpired(kept?.get(tag), entry.lastModified, now),
      );
      return expired ? null : entry;
    }

    /** Stores the entry for every instance; dropped (logged once) when Redis does not take it in time. */
    async set(cacheKey, data, ctx) {
      if (!this.base) return;
      const key = `${this.base}:entry:${cacheKey}`;
      let text;
      let tagsJson;
      try {
        text = serializeEntry({ lastModified: state.renderStarts.madeAt(key, Date.now()), value: data, cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl });
        tagsJson = JSON.stringify(storedTags(data));
      } catch (error) {
        noteOnce('unstorable', `[page-cache] cannot store ${cacheKey} (${error.message})`);
        return;
      }
      await run('set', async (redis) => {
        const results = await redis.multi().hset(key, 'd', text, 't', tagsJson).pexpire(key, ttlMs).exec();
        for (const [error] of results ?? []) if (error) throw error;
      });
    }

    /**
     * file-system-cache.js revalidateTag, shared: without durations a tag expires now; with
     * durations.expire it expires that many seconds from now. Durations without expire only mark
     * the tag stale in Next's manifest, which the default cache's get never reads: nothing to share.
     */
    async revalidateTag(tags, durations) {
      const list = typeof tags === 'string' ? [tags] : [...(tags ?? [])];
      if (!this.base || list.length === 0) return;
      if (durations && durations.expire === undefined) return;
      const now = Date.now();
      const at = durations ? now + durations.expire * 1000 : now;
      const tagsKey = `${this.base}:tags`;
      const done = await run('revalidateTag', (redis) =>
        redis.pageCacheExpireTags(tagsKey, keepTagsMs(at), 'set', ...list.flatMap((tag) => [tag, String(at)])),
      );
      const kept = state.pending.get(tagsKey) ?? new Map();
      for (const tag of list) {
        if (done.failed) kept.set(tag, at);
        else kept.delete(tag);
      }
      if (kept.size > 0) state.pending.set(tagsKey, kept);
      else state.pending.delete(tagsKey);
      if (!done.failed && state.pending.size > 0) void flushPending();
    }

    resetRequestCache() {}

    /** Closes the connection (tests; a server keeps it for its lifetime). */
    static async close() {
      const redis = state.redis;
      state.redis = undefined;
      state.ready = undefined;
      state.everReady = false;
      if (redis) redis.disconnect();
    }
  };
}

// One class (one connection) per process, whichever of Next's module graphs imports the file.
const RedisCacheHandler = processSingleton('page-cache-handler', createPageCacheHandler);
export default RedisCacheHandler;
