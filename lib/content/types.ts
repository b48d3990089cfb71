import type { Locale } from '../../i18n/routing';
import type { ProblemCode } from './problemCatalog';
import type { LocalizedName } from './schema';

/** The domain types rendering uses. Components never see raw front matter. */

export interface StoryImage {
  /** Public URL of the file, versioned by its content. */
  url: string;
  file: string;
  /** Hash of the file's bytes. */
  version: string;
  /** File size, for feed enclosures. */
  bytes: number;
  width: number;
  height: number;
}

export interface StoryVersion {
  locale: Locale;
  title: string;
  summary: string;
  author?: string;
  imageAlt?: string;
  imageCaption?: string;
  imageCredit?: string;
  source?: { name: string; url: string };
  bodyHtml: string;
  /** Plain text of the body, for search-like scoring. */
  bodyText: string;
  wordCount: number;
  /** A draft version is served only in `next dev`; the story's other version is unaffected. */
  draft: boolean;
}

/** One update of a live story in one language. */
export interface LiveUpdateVersion {
  headline?: string;
  author?: string;
  bodyHtml: string;
  /** Plain text of the body, for structured data and feeds. */
  bodyText: string;
}

/** One update of a live story: the same time, flags and id in every language it is written in. */
export interface LiveUpdate {
  /** From the file name, unique in the story: the permalink is `#update-{id}`. */
  id: string;
  /** As written, with its offset. */
  time: string;
  /** Milliseconds since the epoch. */
  published: number;
  updated?: string;
  keyEvent: boolean;
  pinned: boolean;
  versions: Record<Locale, LiveUpdateVersion>;
}

export interface LiveCoverage {
  /** The front matter says `live: true`; still followed until `ended`, if any (isLiveNow). */
  on: boolean;
  ended?: string;
  /** Oldest first. */
  updates: LiveUpdate[];
}

export interface Story {
  slug: string;
  date: string;
  /** Calendar date in the story's own offset, YYYY-MM-DD: the dateline. */
  localDate: string;
  published: number;
  updated?: string;
  section: string;
  tags: string[];
  image?: StoryImage;
  /** Lower comes first; `true` in front matter sorts after numbers. */
  editorsChoice?: number;
  related: string[];
  /** Every version is a draft. */
  draft: boolean;
  /** A live story's coverage: present when the front matter says `live: true` or it has updates. */
  live?: LiveCoverage;
  /** The locale the story was written in (the version that carries the neutral facts). */
  original: Locale;
  /** The versions that exist, by language: a story need not have every language. */
  versions: Record<Locale, StoryVersion>;
}

export interface Taxonomy {
  sections: Record<string, LocalizedName>;
  tags: Record<string, LocalizedName>;
}

export interface ContentProblem {
  /** Path relative to the content root. */
  file: string;
  line?: number;
  field?: string;
  code: ProblemCode;
  /** Values quoted by the message: file names, the wrong value, an example. */
  params?: Record<string, string>;
}

export interface LoadedContent {
  /** Every valid story, drafts and scheduled ones included: visibility is decided when querying. */
  stories: Map<string, Story>;
  taxonomy: Taxonomy;
  problems: ContentProblem[];
}
