import { useTranslations } from 'next-intl';

export function StorySource({ name, url }: { name: string; url: string }) {
  const t = useTranslations('Story');
  return (
    <p className="story-source mt-6 text-sm" data-component="story-source">
      {t('source')}{' '}
      <a href={url} rel="noopener noreferrer" className="underline underline-offset-4">
        {name}
      </a>
    </p>
  );
}
