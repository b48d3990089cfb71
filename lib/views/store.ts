import type { NetworkWidth } from './clientAddress';

/** A reader's wider network, hashed with the day's salt like the reader: never an address. */
export interface ReaderNetwork {
  width: NetworkWidth;
  hash: string;
}

/** One counted view: a reader (anonymized) read a story on a day. */
export interface View {
  slug: string;
  day: string;
  /** Hash of the day's salt and the reader's address (a household for IPv6): the same reader that day, never who. */
  reader: string;
  /** The reader's networks, whose budgets lib/views/readerBudgets.ts keeps; the stores ignore them. */
  networks?: readonly ReaderNetwork[];
}

export interface ViewCount {
  slug: string;
  views: number;
}

/**
 * Where views are counted. Two implementations: SQLite (embedded, the default) and Redis (shared
 * by several app instances). Both pass the same suite in views.contract.test.ts.
 *
 * Nothing is kept longer than it is needed: a day's salt and reader hashes go ten minutes after
 * the day ends (lib/views/retention.ts), its counts a day after they leave the Popular window.
 */
export interface ViewsStore {
  readonly kind: 'sqlite' | 'redis';
  /**
   * Counts the view unless this reader already read this story that day; true when counted.
   * A view of a day whose readers are already forgotten is not counted (it could not be deduped).
   */
  record(view: View): Promise<boolean>;
  /** Most viewed stories over the given days, most first (ties by slug), at most `limit`. */
  top(days: string[], limit: number): Promise<ViewCount[]>;
  /**
   * A random salt for the day, the same on every instance sharing the store; made on first use.
   * Rejects for a day whose salt is already deleted.
   */
  salt(day: string): Promise<string>;
  close(): Promise<void>;
}

/** Settings both stores take; tests pass a fake clock. */
export interface StoreOptions {
  /** The clock deciding which days are over, in ms since the epoch. */
  now?: () => number;
  /** Popular's window in days (POPULAR_WINDOW_DAYS): counts are kept that long, plus a day. */
  windowDays?: number;
  /** How long a day's salt and readers outlive the day; DAY_GRACE_MS (10 minutes) by default. */
  graceMs?: number;
}
