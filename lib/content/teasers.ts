import type { Locale } from '../../i18n/routing';
import { isLiveNow } from '../liveblog/liveView';
import { paths } from '../paths';
import { sectionName } from './taxonomy';
import type { Story, StoryImage, Taxonomy } from './types';
import { versionFor } from './visibility';

/** What a list item needs to show a story, already in the reader's locale. */
export interface StoryTeaser {
  slug: string;
  href: string;
  title: string;
  summary: string;
  date: string;
  localDate: string;
  sectionName: string;
  sectionHref: string;
  image?: StoryImage & { alt: string };
  /** Set when the text is not in the UI locale (the original is shown). */
  lang?: Locale;
  /** Followed live now: listed with a "Live" label. */
  live?: true;
}

export function toTeaser(story: Story, locale: Locale, taxonomy: Taxonomy): StoryTeaser {
  const { version, translated } = versionFor(story, locale);
  return {
    slug: story.slug,
    href: paths.story(locale, story.slug),
    title: version.title,
    summary: version.summary,
    date: story.date,
    localDate: story.localDate,
    sectionName: sectionName(taxonomy, story.section, locale) ?? story.section,
    sectionHref: paths.section(locale, story.section),
    image: story.image && version.imageAlt ? { ...story.image, alt: version.imageAlt } : undefined,
    lang: translated ? undefined : version.locale,
    ...(isLiveNow(story.live, Date.now()) ? { live: true as const } : {}),
  };
}
