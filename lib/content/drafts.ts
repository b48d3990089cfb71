import type { Locale } from '../../i18n/routing';
import type { LoadedContent, Story } from './types';

/**
 * The content as production serves it: a draft version is dropped, and only it. A translator
 * starting `en.md` as a draft leaves the published Russian story up (shown in English with the
 * untranslated notice); a story whose every version is a draft is not served at all.
 */
export function withoutDraftVersions(content: LoadedContent): LoadedContent {
  const stories = new Map<string, Story>();
  for (const [slug, story] of content.stories) {
    const published = Object.values(story.versions).filter((version) => !version.draft);
    if (published.length === 0) continue;
    if (published.length === Object.keys(story.versions).length) {
      stories.set(slug, story);
      continue;
    }
    const versions = Object.fromEntries(published.map((version) => [version.locale, version])) as Story['versions'];
    // The neutral facts are already merged into the story; only which text is the original changes.
    const original: Locale = versions[story.original] ? story.original : published[0]!.locale;
    stories.set(slug, { ...story, versions, original, draft: false });
  }
  return { ...content, stories };
}
