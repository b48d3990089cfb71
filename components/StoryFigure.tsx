import Image from 'next/image';
import type { StoryImage } from '@/lib/content/types';

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
      <Image
        src={image.url}
        alt={alt}
        width={image.width}
        height={image.height}
        sizes="(min-width: 1024px) 720px, 100vw"
        priority
        className="h-auto w-full bg-rule"
      />
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
