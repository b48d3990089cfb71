import { localeEntryOf } from '../../i18n/locales';
import type { Locale } from '../../i18n/routing';
import { calendarDay, DATELINE_FORMAT } from '../dates';
import type { Story, Taxonomy } from '../content/types';
import { sectionName } from '../content/taxonomy';
import { versionFor } from '../content/visibility';
import { drawableText } from './cardText';
import { cardVersion } from './cardVersion';
import { isLiveNow } from '../liveblog/liveView';

/** What a story's card shows in a locale, and the version hash of exactly that. */
export function storyCardFacts(story: Story, locale: Locale, taxonomy: Taxonomy) {
  const { version } = versionFor(story, locale);
  const facts = {
    headline: drawableText(version.title),
    lang: version.locale,
    kicker: drawableText(sectionName(taxonomy, story.section, locale) ?? story.section),
    dateText: drawableText(new Intl.DateTimeFormat(localeEntryOf(locale).intlLocale, DATELINE_FORMAT).format(calendarDay(story.localDate))),
    /** Followed live now: the card wears a LIVE badge (a new card URL when that changes). */
    live: isLiveNow(story.live, Date.now()),
  };
  return { ...facts, version: cardVersion([locale, facts.headline, facts.kicker, facts.dateText, story.image?.version, ...(facts.live ? ['live'] : [])]) };
}

/** The card URL pages link (og:image, JSON-LD): versioned, so a changed story gets a new one. */
export function storyCardPath(story: Story, locale: Locale, taxonomy: Taxonomy): string {
  return `/${locale}/news/${story.slug}/opengraph-image?v=${storyCardFacts(story, locale, taxonomy).version}`;
}
