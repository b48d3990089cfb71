import { describe, expect, it } from 'vitest';
import { parsePhotoRequest } from './photoRequest';
import { photoSources, variantUrl } from './variantUrls';

const photo = { url: '/media/story/photo.jpg?v=abc123', version: 'abc123', width: 1200, height: 675 };

describe('photoSources', () => {
  it('lists AVIF, then WebP sources, and a JPEG img at a middle width', () => {
    const { sources, img } = photoSources(photo);
    expect(sources.map((source) => source.type)).toEqual(['image/avif', 'image/webp']);
    expect(sources[0]!.srcSet).toBe(
      [160, 320, 640, 828, 1080, 1200].map((w) => `/media/story/photo.jpg?v=abc123&w=${w}&f=avif ${w}w`).join(', '),
    );
    expect(img.src).toBe('/media/story/photo.jpg?v=abc123&w=828&f=jpeg');
    expect(img.srcSet).toContain('/media/story/photo.jpg?v=abc123&w=1200&f=jpeg 1200w');
  });

  it('links only URLs the media route accepts', () => {
    const { sources, img } = photoSources(photo);
    const urls = [img.src, ...[img.srcSet!, ...sources.map((s) => s.srcSet)].flatMap((set) => set.split(', ').map((c) => c.split(' ')[0]!))];
    expect(urls).toHaveLength(1 + 18);
    for (const url of urls) {
      expect(parsePhotoRequest(new URL(url, 'http://x').searchParams, photo), url).toMatchObject({ ok: true });
    }
  });

  it("falls back to the photo's own width when it is under the fallback width", () => {
    expect(photoSources({ ...photo, width: 300, height: 200 }).img.src).toBe('/media/story/photo.jpg?v=abc123&w=300&f=jpeg');
    expect(photoSources({ ...photo, width: 120, height: 80 }).img.src).toBe('/media/story/photo.jpg?v=abc123&w=120&f=jpeg');
  });

  it('links the original alone for a photo too large to resize', () => {
    expect(photoSources({ ...photo, width: 20_000, height: 20_000 })).toEqual({ sources: [], img: { src: photo.url } });
  });

  it('escapes the version', () => {
    expect(variantUrl({ ...photo, version: 'a&b' }, 640, 'webp')).toBe('/media/story/photo.jpg?v=a%26b&w=640&f=webp');
  });
});

describe('photoSources for a thumbnail', () => {
  it('lists only the widths a photo shown at most N pixels wide can use (2x density and one above)', async () => {
    const { photoSources } = await import('./variantUrls');
    const photo = { url: '/media/s/photo.jpg?v=abc', version: 'abc', width: 1200, height: 675 };
    const widths = (srcSet?: string) => (srcSet ?? '').split(', ').map((entry) => Number(entry.split(' ')[1]!.replace('w', '')));
    expect(widths(photoSources(photo, 80).img.srcSet)).toEqual([160]);
    expect(widths(photoSources(photo, 160).img.srcSet)).toEqual([160, 320]);
    expect(widths(photoSources(photo, 500).img.srcSet)).toEqual([160, 320, 640, 828, 1080]);
    expect(widths(photoSources(photo).img.srcSet)).toEqual([160, 320, 640, 828, 1080, 1200]);
  });

  it('gives a thumbnail WebP and JPEG but no AVIF, and a larger photo all three', async () => {
    const { photoSources, THUMBNAIL_MAX_WIDTH } = await import('./variantUrls');
    const photo = { url: '/media/s/photo.jpg?v=abc', version: 'abc', width: 1200, height: 675 };
    const types = (maxWidth?: number) => photoSources(photo, maxWidth).sources.map((source) => source.type);
    expect(types(80)).toEqual(['image/webp']);
    expect(types(THUMBNAIL_MAX_WIDTH)).toEqual(['image/webp']);
    expect(types(THUMBNAIL_MAX_WIDTH + 1)).toEqual(['image/avif', 'image/webp']);
    expect(types()).toEqual(['image/avif', 'image/webp']);
    expect(photoSources(photo, 80).sources[0]!.srcSet).toBe('/media/s/photo.jpg?v=abc&w=160&f=webp 160w');
  });
});
