import { useLocale, useTranslations } from 'next-intl';
import type { StoryView } from '@/lib/content/storyView';
import { StoryBody } from './StoryBody';
import { StoryDateline } from './StoryDateline';
import { StoryFigure } from './StoryFigure';
import { StorySource } from './StorySource';
import { TagList } from './TagList';
import { UntranslatedNotice } from './UntranslatedNotice';

/**
 * The story itself: what prints, what a reader without JavaScript gets in full. The article
 * carries the language of its text; the UI parts inside it (labels, dates) keep the UI language.
 */
export function StoryArticle({ story }: { story: StoryView }) {
  const t = useTranslations('Story');
  const uiLang = useLocale();
  const ui = story.translated ? undefined : uiLang;
  return (
    <>
      {!story.translated && <UntranslatedNotice original={story.original} />}
      <article lang={story.lang} className="story min-w-0" data-component="story" data-slug={story.slug}>
        <header>
          <p lang={ui} className="text-sm font-semibold uppercase tracking-wide text-accent">
            <a href={story.section.href} className="underline-offset-4 hover:underline" data-component="story-section">
              {story.section.name}
            </a>
            {story.draft && <span className="ms-3 rounded bg-notice px-2 py-0.5 text-xs">{t('draft')}</span>}
          </p>
          <h1 className="mt-2 font-serif text-3xl font-bold leading-tight sm:text-4xl">{story.title}</h1>
          <p className="story-lead mt-4 font-serif text-xl leading-relaxed text-muted" data-component="story-lead">
            {story.summary}
          </p>
          <div lang={ui}>
            <StoryDateline
              date={story.date}
              localDate={story.localDate}
              updated={story.updated}
              author={story.author}
              minutes={story.minutes}
            />
          </div>
        </header>
        {story.image && (
          <StoryFigure
            image={story.image.file}
            alt={story.image.alt}
            caption={story.image.caption}
            credit={story.image.credit}
          />
        )}
        <StoryBody html={story.bodyHtml} />
        {story.source && <StorySource name={story.source.name} url={story.source.url} />}
        <div lang={ui}>
          <TagList tags={story.tags} />
        </div>
      </article>
    </>
  );
}
