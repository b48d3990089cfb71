import { useTranslations } from 'next-intl';
import type { StoryTeaser } from '@/lib/content/teasers';
import { Pagination } from './Pagination';
import { StoryList } from './StoryList';

/** A section, tag or archive page: heading, count, one page of stories, links to the others. */
export function StoryListing({
  heading,
  total,
  stories,
  basePath,
  page,
  pageCount,
}: {
  heading: string;
  total: number;
  stories: StoryTeaser[];
  basePath: string;
  page: number;
  pageCount: number;
}) {
  const t = useTranslations('Listing');
  return (
    <section aria-labelledby="listing-heading" data-component="listing">
      <h1 id="listing-heading" className="font-serif text-3xl font-bold">
        {heading}
      </h1>
      {/* A heading, so the stories' own headings (h3) follow in order (h1, h2, h3). */}
      <h2 className="mt-1 text-sm font-normal text-muted">{t('storyCount', { count: total })}</h2>
      {stories.length === 0 ? <p className="mt-6">{t('empty')}</p> : <StoryList stories={stories} />}
      <Pagination basePath={basePath} page={page} pageCount={pageCount} />
    </section>
  );
}
