import { dueUpdates, newestChange } from '../liveblog/liveView';
import { languageTag } from '../../i18n/locales';
import { keptFor } from '../process/registry';
import { escapeXml } from '../xml';
import { routing, type Locale } from '../../i18n/routing';
import type { LoadedContent, Story } from '../content/types';
import { isPublic, type Visibility } from '../content/visibility';
import { paths } from '../paths';
import { absoluteUrl } from './absolute';
import { hreflangAlternates } from './alternates';

/**
 * The sitemaps: `/sitemap.xml` is a sitemap index naming child sitemaps, `/sitemaps/listings-N.xml`
 * (front pages, archives, sections, tags) and `/sitemaps/stories-N.xml` (every public story in each
 * locale it has). The sitemap protocol allows at most 50,000 URLs and 50 MB (52,428,800 bytes)
 * uncompressed per file, so an archive of any size is split over as many children as it needs.
 * Every URL carries its hreflang alternates (`xhtml:link`).
 *
 * Pure data: content and visibility in, a plan and XML strings out; the route handlers in `app/`
 * only serve them.
 */

/** The protocol's limit of URLs in one sitemap file. */
export const MAX_URLS_PER_SITEMAP = 50_000;
/** The protocol's limit of one sitemap file's size, uncompressed. */
export const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;

/** The longest slug of a story, section or tag (lib/content/schema.ts and the story folder check). */
const MAX_SLUG_LENGTH = 120;
/** The longest date the front matter accepts: `YYYY-MM-DDTHH:MM:SS.sss+HH:MM`. */
const LONGEST_DATE = '2000-01-01T00:00:00.000+00:00';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** One page in every locale it exists in: one `<url>` per locale, all with the same alternates. */
export interface SitemapPage {
  locales: readonly Locale[];
  pathFor: (locale: Locale) => string;
  /** The locale x-default points at. */
  xDefault: Locale;
  /** W3C datetime, where known. */
  lastmod?: string;
  /** The instant `lastmod` names (parsed once, to compare dates in any offset). */
  lastmodTime?: number;
}

export interface SitemapChild {
  /** File name under `/sitemaps/`: `listings-1.xml`, `stories-1.xml`, `stories-2.xml`, … */
  name: string;
  pages: SitemapPage[];
  /** The newest `lastmod` of its pages, where any is known. */
  lastmod?: string;
}

export interface SitemapPlan {
  /** Listing children first, then story children, oldest stories first. */
  children: SitemapChild[];
  /** Pages per child: every child but the last of its kind holds exactly this many. */
  pagesPerChild: number;
}

export interface SitemapOptions {
  /** URLs per child at most (default: the protocol's 50,000). */
  maxUrls?: number;
  /** Bytes per file at most (default: the protocol's 50 MB). */
  maxBytes?: number;
  /** Path to absolute URL (default: on SITE_URL). */
  absolute?: (path: string) => string;
}

/** The newest `lastmod` of these pages, compared as instants; undefined when none has one. */
function newestOf(pages: readonly SitemapPage[]): Pick<SitemapPage, 'lastmod' | 'lastmodTime'> {
  let newest: SitemapPage | undefined;
  for (const page of pages) if (Number.isFinite(page.lastmodTime) && (newest === undefined || page.lastmodTime! > newest.lastmodTime!)) newest = page;
  return { lastmod: newest?.lastmod, lastmodTime: newest?.lastmodTime };
}

interface StoryEntry {
  story: Story;
  page: SitemapPage;
}

// Every story with a version, oldest first, with its page: made once per loaded content (only
// visibility changes with time).

/**
 * Stories in a stable order: oldest first by publication time, then by slug (code-unit order, the
 * same on every machine). So the k-th oldest story is always in the same child: a new story is
 * appended to the last child, and the children before it change only when a story before them is
 * removed, unpublished or re-dated, or a story is published with a date in the past. Newest first
 * would move every story one place at every publish, and so along the boundaries of every child.
 */
function oldestFirst(content: LoadedContent): StoryEntry[] {
  return keptFor(content, 'sitemap:oldest-first', () =>
    [...content.stories.values()]
      .filter((story) => routing.locales.some((locale) => story.versions[locale]))
      .sort((a, b) => a.published - b.published || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
      .map((story) => ({ story, page: storyPage(story) })),
  );
}

/** When a story last changed: its `updated` or date, or for a live story its newest update. */
function storyLastmod(story: Story): string {
  const own = story.updated ?? story.date;
  // Updates dated later are not on the page yet (kept per content, so counted from when the plan was made).
  const update = story.live && newestChange(dueUpdates(story.live, Date.now()));
  return update && Date.parse(update) > Date.parse(own) ? update : own;
}

function storyPage(story: Story): SitemapPage {
  const lastmod = storyLastmod(story);
  return {
    locales: routing.locales.filter((locale) => story.versions[locale]),
    pathFor: (locale) => paths.story(locale, story.slug),
    xDefault: story.original,
    lastmod,
    lastmodTime: Date.parse(lastmod),
  };
}

function listingPage(pathFor: (locale: Locale) => string, dated: Pick<SitemapPage, 'lastmod' | 'lastmodTime'> = {}): SitemapPage {
  return { locales: routing.locales, pathFor, xDefault: routing.defaultLocale, ...dated };
}

// ---------------------------------------------------------------------------------------------
// XML. Written by hand rather than with xmlbuilder2: its builders (DOM and callback) took 4 to 6 s
// for 20,000 URLs on this machine, 10 to 15 times plain string building, and a child holds up to
// 50,000 (lib/xml.ts). Every value goes through escapeXml; the tests parse the output back.

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const URLSET_OPEN = `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:xhtml="${XHTML_NS}">\n`;
const URLSET_CLOSE = '</urlset>\n';

/** A page's `<url>` elements, one line each. */
function pageXml(page: SitemapPage, absolute: (path: string) => string): string {
  // The alternates name the page in each of its locales: each URL is made absolute once.
  const hrefs: Record<string, string> = {};
  for (const [lang, path] of Object.entries(hreflangAlternates(page.pathFor, page.locales, page.xDefault))) hrefs[lang] = escapeXml(absolute(path));
  const links = Object.entries(hrefs)
    .map(([lang, href]) => `<xhtml:link rel="alternate" hreflang="${escapeXml(languageTag(lang))}" href="${href}"/>`)
    .join('');
  const lastmod = page.lastmod === undefined ? '' : `<lastmod>${escapeXml(page.lastmod)}</lastmod>`;
  return page.locales.map((locale) => `<url><loc>${hrefs[locale]}</loc>${lastmod}${links}</url>\n`).join('');
}

/** A child sitemap: a `<urlset>` of its pages in each of their locales, with hreflang alternates. */
export function sitemapChildXml(child: SitemapChild, absolute: (path: string) => string = absoluteUrl): string {
  const parts = [URLSET_OPEN];
  for (const page of child.pages) parts.push(pageXml(page, absolute));
  parts.push(URLSET_CLOSE);
  return parts.join('');
}

/** The sitemap index: every child, with the newest `lastmod` of its pages where known. */
export function sitemapIndexXml(plan: SitemapPlan, absolute: (path: string) => string = absoluteUrl): string {
  const parts = [XML_DECLARATION, `<sitemapindex xmlns="${SITEMAP_NS}">\n`];
  for (const child of plan.children) {
    const lastmod = child.lastmod === undefined ? '' : `<lastmod>${escapeXml(child.lastmod)}</lastmod>`;
    parts.push(`<sitemap><loc>${escapeXml(absolute(paths.sitemapChild(child.name)))}</loc>${lastmod}</sitemap>\n`);
  }
  parts.push('</sitemapindex>\n');
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------
// The plan.

/**
 * Pages per child: as many as fit both limits when every page has a URL in every locale and its
 * longest possible URLs (the longest slug under the longest path, the longest date). It depends on
 * the site's origin and the limits only, never on content, so children fill in a fixed rhythm.
 */
export function pagesPerChild(options: SitemapOptions = {}): number {
  const { maxUrls = MAX_URLS_PER_SITEMAP, maxBytes = MAX_SITEMAP_BYTES, absolute = absoluteUrl } = options;
  const longest = 'a'.repeat(MAX_SLUG_LENGTH);
  const worstPaths = [paths.story, paths.section, paths.tag];
  const worst = Math.max(
    ...worstPaths.map((pathFor) =>
      Buffer.byteLength(pageXml(listingPage((locale) => pathFor(locale, longest), { lastmod: LONGEST_DATE }), absolute)),
    ),
  );
  const byUrls = Math.floor(maxUrls / routing.locales.length);
  const byBytes = Math.floor((maxBytes - Buffer.byteLength(URLSET_OPEN + URLSET_CLOSE)) / worst);
  const pages = Math.min(byUrls, byBytes);
  if (pages < 1) throw new Error(`A sitemap of at most ${maxUrls} URLs and ${maxBytes} bytes cannot hold one page in ${routing.locales.length} locales`);
  return pages;
}

function chunk(kind: 'listings' | 'stories', pages: SitemapPage[], size: number): SitemapChild[] {
  const children: SitemapChild[] = [];
  for (let start = 0; start < pages.length; start += size) {
    const slice = pages.slice(start, start + size);
    children.push({ name: `${kind}-${children.length + 1}.xml`, pages: slice, lastmod: newestOf(slice).lastmod });
  }
  return children;
}

/**
 * Which children exist and what each holds, for the content as visible now. Listings: front page,
 * archive, every section and tag (taxonomy order), each in every locale; the front page and archive
 * carry the newest change of any public story. Stories: every public story in each locale it has a
 * version in, oldest first (see oldestFirst), `lastmod` its `updated` date, else its date.
 */
export function sitemapPlan(content: LoadedContent, visibility: Visibility, options: SitemapOptions = {}): SitemapPlan {
  const size = pagesPerChild(options);
  const stories = oldestFirst(content)
    .filter(({ story }) => isPublic(story, visibility))
    .map(({ page }) => page);
  const newest = newestOf(stories);
  const listings = [
    listingPage(paths.home, newest),
    listingPage(paths.archive, newest),
    ...Object.keys(content.taxonomy.sections).map((section) => listingPage((locale) => paths.section(locale, section))),
    ...Object.keys(content.taxonomy.tags).map((tag) => listingPage((locale) => paths.tag(locale, tag))),
  ];
  return { children: [...chunk('listings', listings, size), ...chunk('stories', stories, size)], pagesPerChild: size };
}

/**
 * The child of that file name, or undefined (a 404): only the exact names the plan made exist, so
 * `stories-0.xml`, `stories-01.xml`, a number past the last child or any other string is unknown.
 */
export function findSitemapChild(plan: SitemapPlan, name: string): SitemapChild | undefined {
  return plan.children.find((child) => child.name === name);
}
