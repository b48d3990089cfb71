import sharp from 'sharp';
import { contentRoot } from '../content/root';
import { readPhotoAtVersion } from '../media/readRegularFile';
import type { PhotoOwner } from '../media/servePhoto';
import { ENCODE_TIMEOUT_SECONDS, MAX_INPUT_PIXELS } from '../media/variantConfig';

/**
 * The story photo cropped to the card's photo panel, as a JPEG data URI satori can draw. Read and
 * decoded as /media's variants are: no symlink or file outside the story's folder, only the bytes
 * of the version the story names, no decompression bomb, and no decode holding a render slot for
 * ever. A photo that cannot be drawn leaves the card without one (logged), never the card failing.
 */
export async function cardPhoto(story: PhotoOwner, width: number, height: number, root = contentRoot()): Promise<string | undefined> {
  if (!story.image) return undefined;
  const original = await readPhotoAtVersion(root, story.slug, story.image.file, story.image.version);
  if (!original) return undefined;
  try {
    const jpeg = await sharp(original, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', sequentialRead: true })
      .timeout({ seconds: ENCODE_TIMEOUT_SECONDS })
      .rotate()
      .resize(width, height, { fit: 'cover' })
      .jpeg({ quality: 82 })
      .toBuffer();
    return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
  } catch (error) {
    console.error(`[og] the card of ${story.slug} is drawn without its photo ${story.image.file}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
