import { useTranslations } from 'next-intl';

export interface TagLink {
  slug: string;
  name: string;
  href: string;
}

export function TagList({ tags }: { tags: TagLink[] }) {
  const t = useTranslations('Story');
  if (tags.length === 0) return null;
  return (
    <nav aria-label={t('tags')} className="story-tags mt-8" data-component="story-tags">
      <ul className="flex flex-wrap gap-2 text-sm">
        {tags.map((tag) => (
          <li key={tag.slug}>
            <a href={tag.href} rel="tag" className="inline-block rounded-full border border-rule px-3 py-1 hover:bg-rule">
              {tag.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
