import path from 'node:path';
import sharp from 'sharp';
import { contentRoot } from '../content/root';
import type { Story } from '../content/types';

/** The story photo cropped to the card's photo panel, as a JPEG data URI satori can draw. */
export async function cardPhoto(story: Story, width: number, height: number): Promise<string | undefined> {
  if (!story.image) return undefined;
  const jpeg = await sharp(path.join(contentRoot(), 'news', story.slug, story.image.file))
    .resize(width, height, { fit: 'cover' })
    .jpeg({ quality: 82 })
    .toBuffer();
  return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
}
