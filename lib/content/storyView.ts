import { routing, type Locale } from '../../i18n/routing';
import { paths } from '../paths';
import { sectionName, tagName } from './taxonomy';
import type { Story, StoryImage, Taxonomy } from './types';
import { versionFor } from './visibility';

/** Everything the story page renders, resolved for one UI locale. */
export interface StoryView {
  slug: string;
  /** The language of the text shown (differs from the UI locale when untranslated). */
  lang: Locale;
  translated: boolean;
  original: Locale;
  title: string;
  summary: string;
  bodyHtml: string;
  date: string;
  localDate: string;
  updated?: string;
  author?: string;
  minutes: number;
  section: { slug: string; name: string; href: string };
  tags: Array<{ slug: string; name: string; href: string }>;
  image?: { file: StoryImage; alt: string; caption?: string; credit?: string };
  source?: { name: string; url: string };
  draft: boolean;
  /** The story page in each locale (every public story has a page in every locale). */
  alternates: Record<Locale, string>;
  /** Locales with their own version: the hreflang alternates. */
  availableLocales: Locale[];
  /** The canonical page: this one, or the original's when this locale has no version. */
  canonicalPath: string;
}

const WORDS_PER_MINUTE = 200;

export function toStoryView(story: Story, locale: Locale, taxonomy: Taxonomy): StoryView {
  const { version, translated } = versionFor(story, locale);
  return {
    slug: story.slug,
    lang: version.locale,
    translated,
    original: story.original,
    title: version.title,
    summary: version.summary,
    bodyHtml: version.bodyHtml,
    date: story.date,
    localDate: story.localDate,
    updated: story.updated,
    author: version.author,
    minutes: Math.max(1, Math.round(version.wordCount / WORDS_PER_MINUTE)),
    section: {
      slug: story.section,
      name: sectionName(taxonomy, story.section, locale) ?? story.section,
      href: paths.section(locale, story.section),
    },
    tags: story.tags.map((tag) => ({ slug: tag, name: tagName(taxonomy, tag, locale) ?? tag, href: paths.tag(locale, tag) })),
    image:
      story.image && version.imageAlt
        ? { file: story.image, alt: version.imageAlt, caption: version.imageCaption, credit: version.imageCredit }
        : undefined,
    source: version.source,
    draft: version.draft,
    alternates: Object.fromEntries(routing.locales.map((other) => [other, paths.story(other, story.slug)])),
    availableLocales: (Object.keys(story.versions) as Locale[]).sort(),
    canonicalPath: paths.story(translated ? locale : story.original, story.slug),
  };
}
