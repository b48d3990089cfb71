import { renderMarkdown } from './markdown';
import type { NeutralFacts } from './mergeNeutral';
import type { LiveCoverage, LiveUpdate, Story, StoryImage, StoryVersion } from './types';
import type { ParsedVersion } from './versionFile';

/** `summary` or the first paragraph; never empty for a valid version. */
function toStoryVersion(version: ParsedVersion): StoryVersion {
  const body = renderMarkdown(version.source.body);
  const { front } = version;
  return {
    locale: version.locale,
    title: front.title,
    summary: front.summary ?? body.firstParagraph,
    author: front.author,
    imageAlt: front.image?.alt,
    imageCaption: front.image?.caption,
    imageCredit: front.image?.credit,
    source: front.source,
    bodyHtml: body.html,
    bodyText: body.text,
    wordCount: body.wordCount,
    draft: front.draft === true,
  };
}

/**
 * A live story's coverage: followed while `live: true` and until `liveEnded` (so an end written
 * ahead of time takes effect by itself); `live: false` or a past end keeps the updates, unlabelled.
 */
function liveCoverage(neutral: NeutralFacts, updates: LiveUpdate[]): LiveCoverage {
  return { on: neutral.live === true, ended: neutral.liveEnded, updates };
}

/** The domain object of a valid story: what rendering uses, never the raw front matter. */
export function buildStory(
  slug: string,
  versions: ParsedVersion[],
  original: ParsedVersion,
  neutral: NeutralFacts & { date: string; section: string },
  image: StoryImage | undefined,
  updates: LiveUpdate[] = [],
): Story {
  const versionMap: Story['versions'] = {};
  for (const version of versions) versionMap[version.locale] = toStoryVersion(version);
  return {
    slug,
    date: neutral.date,
    localDate: neutral.date.slice(0, 10),
    published: Date.parse(neutral.date),
    updated: neutral.updated,
    section: neutral.section,
    tags: neutral.tags ?? [],
    image,
    editorsChoice:
      neutral.editorsChoice === undefined ? undefined : neutral.editorsChoice === true ? Number.MAX_SAFE_INTEGER : neutral.editorsChoice,
    related: neutral.related ?? [],
    draft: versions.every((v) => v.front.draft === true),
    original: original.locale,
    versions: versionMap,
    ...(neutral.live === true || updates.length > 0 ? { live: liveCoverage(neutral, updates) } : {}),
  };
}
