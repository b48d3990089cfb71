/**
 * What a feed says, independent of its format. Every string is what a reader should see: plain
 * text stays plain text (titles, summaries, names) and only `contentHtml` is markup, already
 * sanitized by lib/content/markdown.ts. The RSS and Atom writers decide how each is escaped.
 */
export interface FeedDocument {
  /** Absolute URL of the page the feed follows; also the Atom id. */
  link: string;
  title: string;
  description: string;
  language: string;
  updated: Date;
  copyright: string;
  image: string;
  favicon: string;
  rssUrl: string;
  atomUrl?: string;
  entries: FeedEntry[];
}

export interface FeedEntry {
  url: string;
  title: string;
  summary: string;
  contentHtml: string;
  published: Date;
  updated: Date;
  author?: string;
  categories: FeedCategory[];
  enclosure?: { url: string; type: string; length: number };
}

export interface FeedCategory {
  /** Shown name (RSS text, Atom label). */
  name: string;
  /** Stable slug (Atom term). */
  term: string;
  /** The listing's page (RSS domain). */
  domain: string;
  /** Where terms of this kind live (Atom scheme). */
  scheme: string;
}
