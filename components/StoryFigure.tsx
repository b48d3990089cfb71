import type { StoryImage } from '@/lib/content/types';
import { Photo } from './Photo';

/** The photo at full column width, sized from the file so nothing shifts, caption and credit under it. */
export function StoryFigure({
  image,
  alt,
  caption,
  credit,
}: {
  image: StoryImage;
  alt: string;
  caption?: string;
  credit?: string;
}) {
  return (
    <figure className="story-figure my-6" data-component="story-figure">
      {/* The lead photo is the story page's largest element (its LCP): fetched first, never lazily. */}
      <Photo image={image} alt={alt} sizes="(min-width: 1024px) 720px, 100vw" priority className="h-auto w-full bg-rule" />
      {(caption || credit) && (
        <figcaption className="mt-2 text-sm text-muted">
          {caption}
          {caption && credit ? ' ' : null}
          {credit && <span className="whitespace-nowrap">{credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}
