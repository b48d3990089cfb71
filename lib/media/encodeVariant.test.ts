import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeVariant, isPixelLimitError } from './encodeVariant';
import { bombPng } from './testing/bombPng';

describe('encodeVariant', () => {
  let photo: Buffer;
  beforeAll(async () => {
    photo = await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#3a6ea5' } }).jpeg().toBuffer();
  });

  it.each([
    ['avif', 'heif'],
    ['webp', 'webp'],
    ['jpeg', 'jpeg'],
  ] as const)('encodes %s at the asked width, keeping the aspect ratio', async (format, decoded) => {
    const meta = await sharp(await encodeVariant(photo, { width: 640, format })).metadata();
    expect(meta).toMatchObject({ format: decoded, width: 640, height: 360 });
  });

  it('never upscales', async () => {
    expect((await sharp(await encodeVariant(photo, { width: 1920, format: 'jpeg' })).metadata()).width).toBe(1200);
  });

  it('refuses a decompression bomb from its header, without decoding it', async () => {
    // 225 MP: under sharp's own default limit (268 MP), so only our 40 MP limit refuses it.
    const bomb = bombPng(15_000, 15_000);
    expect(bomb.length).toBeLessThan(1_000_000);
    const started = performance.now();
    const error = await encodeVariant(bomb, { width: 640, format: 'avif' }).catch((e: unknown) => e);
    expect(isPixelLimitError(error)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('refuses corrupt data with an error, not a crash', async () => {
    await expect(encodeVariant(photo.subarray(0, 200), { width: 320, format: 'webp' })).rejects.toThrow();
    await expect(encodeVariant(Buffer.from('not an image'), { width: 320, format: 'webp' })).rejects.toThrow();
  });
});
