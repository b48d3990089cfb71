// Every value shared across Next's bundles in this process, declared once. Next compiles the
// proxy, the pages and the route handlers into separate module graphs, so a plain module variable
// exists once per bundle: state that must be one per process (content, caches, salts, limits,
// the watcher, the launcher's lifecycle) lives in a slot named here and nowhere else. The launcher
// (scripts/server.mjs) reads the same slots through `launcherSlots`, so no name is spelled twice.
// Self-contained and erasable TypeScript only: Node runs this file directly for the launcher.

import { randomBytes } from 'node:crypto';

/** The process-wide slots. A name not listed here is a type error at the call. */
export const PROCESS_SLOTS = [
  'lifecycle',
  'peer-header',
  'content-repository',
  'content:parsed-updates',
  'content-watcher',
  'content-watch-state',
  'kept-per-object',
  'related:corpora',
  'media-variants',
  'media:encode-ahead',
  'og:renderer',
  'revalidate:failedAttempts',
  'revalidate:secret',
  'revalidate:process-token',
  'views:store',
  'views:rateLimiter',
  'views:popular',
  'views:salts',
  'views:storeHealth',
  'views:limiterHealth',
  'views:noPeerWarned',
  'settings:last',
  'page-cache-handler',
  'page-render-starts',
  'og:fonts',
  'og:card-ranges',
  'text:word-chars',
  'text:analyzers',
] as const;

export type ProcessSlot = (typeof PROCESS_SLOTS)[number];

const slots = globalThis as unknown as Record<symbol, unknown>;
const keyOf = (name: ProcessSlot) => Symbol.for(`bilingual-news:${name}`);

/** The slot's value, made by `create` the first time any bundle asks. */
export function processSingleton<T>(name: ProcessSlot, create: () => T): T {
  const key = keyOf(name);
  let value = slots[key] as T | undefined;
  if (value === undefined) {
    value = create();
    slots[key] = value;
  }
  return value;
}

/** The slot's value if any bundle made it, else undefined (never makes it). */
export function peekProcessSlot<T>(name: ProcessSlot): T | undefined {
  return slots[keyOf(name)] as T | undefined;
}

/**
 * One opened resource per process (a store, a limiter): the first call opens it and every later
 * call gets the same promise. A promise that rejects is forgotten, so a later call opens again
 * (a store that could not even connect is retried, not failed for the life of the process).
 */
export function processOpenedOnce<T>(name: ProcessSlot, open: () => Promise<T>): Promise<T> {
  const slot = processSingleton<{ current?: Promise<T> }>(name, () => ({}));
  if (!slot.current) {
    const opening = open();
    slot.current = opening;
    opening.catch(() => {
      if (slot.current === opening) slot.current = undefined;
    });
  }
  return slot.current;
}

function keptValues(owner: object): Map<string, unknown> {
  const kept = processSingleton('kept-per-object', () => new WeakMap<object, Map<string, unknown>>());
  let values = kept.get(owner);
  if (!values) kept.set(owner, (values = new Map()));
  return values;
}

/**
 * What is computed from one loaded content (or one story) and never changes for it: search
 * indexes, sorted lists, Related rankings, fingerprints, sitemap plans. Kept once per process,
 * weakly keyed by the object, so a replaced content takes everything computed from it along.
 * `key` names what is computed and everything it depends on besides the object (a locale).
 */
export function keptFor<T>(owner: object, key: string, compute: () => T): T {
  const values = keptValues(owner);
  if (values.has(key)) return values.get(key) as T;
  const value = compute();
  values.set(key, value);
  return value;
}

/** Sets what `keptFor(owner, key, …)` returns from now on (a value known already, read from a cache file). */
export function rememberFor<T>(owner: object, key: string, value: T): void {
  keptValues(owner).set(key, value);
}

/**
 * This process's own bearer token for POST /api/revalidate: its content watcher and the launcher's
 * start-up comparison use it, whatever REVALIDATE_SECRET is, so a client locked out for guessing
 * the operator's secret never locks out the process's own reloads. Random, never leaves the process.
 */
export function processToken(): string {
  return processSingleton('revalidate:process-token', () => randomBytes(24).toString('hex'));
}

/** The slots the launcher shares with the app's bundles. */
export const launcherSlots = {
  /** Where the instance is in its life (lib/lifecycle.ts reads it); the launcher moves it along. */
  lifecycle: <T extends object>(initial: () => T): T => processSingleton('lifecycle', initial),
  /** Says the launcher overwrites x-peer-address on every request (lib/lifecycle.ts). */
  markPeerHeader: (): void => {
    slots[keyOf('peer-header')] = true;
  },
  peerHeaderMarked: (): boolean => slots[keyOf('peer-header')] === true,
  /** Stops the card worker if it has nothing to draw (lib/og/cardDrawer.ts's rest). */
  restCardDrawer: (): void => peekProcessSlot<{ drawer: { rest(): void } }>('og:renderer')?.drawer.rest(),
  /** The content served now: a new object after every load (lib/content/repository.ts). */
  contentServed: (): object | undefined => peekProcessSlot<{ peek(): object | undefined }>('content-repository')?.peek(),
};
