/** One counted view: a reader (anonymized) read a story on a day. */
export interface View {
  slug: string;
  day: string;
  /** Hash of address + user agent + the day's salt: the same reader on the same day, never who. */
  reader: string;
}

export interface ViewCount {
  slug: string;
  views: number;
}

/**
 * Where views are counted. Two implementations: SQLite (embedded, the default) and Redis (shared
 * by several app instances). Both pass the same suite in views.contract.test.ts.
 */
export interface ViewsStore {
  readonly kind: 'sqlite' | 'redis';
  /** Counts the view unless this reader already read this story that day; true when counted. */
  record(view: View): Promise<boolean>;
  /** Most viewed stories over the given days, most first (ties by slug), at most `limit`. */
  top(days: string[], limit: number): Promise<ViewCount[]>;
  /** A random salt for the day, the same on every instance sharing the store; made on first use. */
  salt(day: string): Promise<string>;
  close(): Promise<void>;
}
