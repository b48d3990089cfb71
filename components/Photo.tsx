import { photoSources, type PhotoForPage } from '@/lib/media/variantUrls';

/**
 * A story photo as a <picture>: AVIF and WebP sources, a JPEG <img>, all resized by our media
 * route (lib/media) and cached on disk, instead of next/image's optimizer. Width and height come
 * from the file, so the box is reserved before it loads. `priority` is for the page's largest
 * image (the LCP): fetched first and never lazily; every other photo loads when scrolled near.
 */
export function Photo({
  image,
  alt,
  sizes,
  maxWidth,
  priority = false,
  className,
  frameClassName,
}: {
  image: PhotoForPage;
  alt: string;
  /** The photo's rendered width, as in `<img sizes>`: the browser picks the variant from it. */
  sizes: string;
  /** The widest this photo is ever shown, in CSS pixels (thumbnails): larger variants are not listed. */
  maxWidth?: number;
  priority?: boolean;
  /** Classes of the <img>. */
  className?: string;
  /** Classes of the <picture>, which is the box in the parent's layout (a flex item, say). */
  frameClassName?: string;
}) {
  const { sources, img } = photoSources(image, maxWidth);
  return (
    // A block, so the <img> inside sits in it as it sat in its parent before (no inline line box).
    <picture className={frameClassName ? `block ${frameClassName}` : 'block'}>
      {sources.map((source) => (
        <source key={source.type} type={source.type} srcSet={source.srcSet} sizes={sizes} />
      ))}
      <img
        src={img.src}
        srcSet={img.srcSet}
        sizes={img.srcSet ? sizes : undefined}
        alt={alt}
        width={image.width}
        height={image.height}
        decoding="async"
        loading={priority ? 'eager' : 'lazy'}
        fetchPriority={priority ? 'high' : undefined}
        className={className}
      />
    </picture>
  );
}
