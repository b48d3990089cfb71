import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAhead, type AheadPhoto } from './encodeAhead';
import { photoVersion } from './photoVersion';
import { fakeServices } from './testing/fakeServices';
import { variantWidthsFor } from './variantConfig';

describe('encoding photos ahead', () => {
  let base: string;
  let root: string;
  let photos: AheadPhoto[];
  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'ahead-'));
    root = path.join(base, 'content');
    photos = [];
    for (const [slug, width] of [['newest', 700], ['older', 400]] as const) {
      const bytes = await sharp({ create: { width, height: 300, channels: 3, background: '#884422' } }).jpeg().toBuffer();
      await mkdir(path.join(root, 'news', slug), { recursive: true });
      await writeFile(path.join(root, 'news', slug, 'photo.jpg'), bytes);
      photos.push({ slug, image: { url: `/media/${slug}/photo.jpg?v=${photoVersion(bytes)}`, file: 'photo.jpg', version: photoVersion(bytes), bytes: bytes.length, width, height: 300 } });
    }
  });
  afterAll(() => rm(base, { recursive: true, force: true }));
  const always = { stillWanted: () => true, idleCheckMs: 5 };

  it('encodes every variant pages link, WebP first, and stores them; a second run (a restart) encodes nothing', async () => {
    const cacheDir = await mkdtemp(path.join(base, 'cache-'));
    const { services, calls } = fakeServices(cacheDir);
    expect(await encodeAhead(photos, services, root, always)).toEqual({ encoded: 3 * (variantWidthsFor(700).length + variantWidthsFor(400).length) });
    expect(calls.slice(0, variantWidthsFor(700).length)).toEqual(variantWidthsFor(700).map((width) => ({ width, format: 'webp' })));
    expect((await readdir(path.join(cacheDir, 'newest'))).sort()).toHaveLength(3 * variantWidthsFor(700).length);
    const again = fakeServices(cacheDir);
    expect(await encodeAhead(photos, again.services, root, always)).toEqual({ encoded: 0 });
    expect(again.calls).toEqual([]);
  });

  it('waits while a reader holds the encoder, and stops when a newer content wants another run', async () => {
    const cacheDir = await mkdtemp(path.join(base, 'cache-'));
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const { services, calls } = fakeServices(cacheDir, { concurrency: 1, encode: async (_original, variant) => (await gate, Buffer.from(variant.format)) });
    let releaseReader!: () => void;
    const reader = services.limiter.run(() => new Promise<void>((resolve) => (releaseReader = resolve)));
    let wanted = true;
    let asked = 0;
    const run = encodeAhead(photos, services, root, { stillWanted: () => ((asked += 1), wanted), idleCheckMs: 5 });
    // The run has looked at the encoder several times and found it taken: it waits, encoding nothing.
    await expect.poll(() => asked).toBeGreaterThan(3);
    expect(calls).toEqual([]);
    releaseReader();
    await reader;
    await expect.poll(() => calls.length).toBe(1);
    wanted = false;
    openGate();
    expect(await run).toEqual({ encoded: 1 });
    expect(calls).toHaveLength(1);
  });
});
