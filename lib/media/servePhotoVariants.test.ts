import { mkdir, mkdtemp, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { VariantEncoder } from './encodeVariant';
import { encodeVariant } from './encodeVariant';
import { photoVersion } from './photoVersion';
import { servePhoto, type PhotoOwner } from './servePhoto';
import { bombPng } from './testing/bombPng';
import { fakeServices } from './testing/fakeServices';

const get = (query: string, file = 'photo.jpg') => new Request(`http://localhost/media/story/${file}${query}`);

describe('GET /media/{slug}/{file}?v=…&w=…&f=…', () => {
  let base: string;
  let root: string;
  let cacheDir: string;
  let photoBytes: Buffer;
  let story: PhotoOwner;
  let version: string;
  const photoPath = () => path.join(root, 'news', 'story', 'photo.jpg');
  const cached = (name: string) => path.join(cacheDir, 'story', name);

  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'variants-'));
    root = path.join(base, 'content');
    await mkdir(path.join(root, 'news', 'story'), { recursive: true });
    photoBytes = await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#3a6ea5' } }).jpeg().toBuffer();
    await writeFile(photoPath(), photoBytes);
    version = photoVersion(photoBytes);
    story = { slug: 'story', image: { file: 'photo.jpg', version, width: 1200, height: 675 } };
  });
  beforeEach(async () => {
    cacheDir = await mkdtemp(path.join(base, 'cache-'));
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('encodes a variant on its first request, with its type and immutable caching, and stores it', async () => {
    const { services, calls } = fakeServices(cacheDir);
    const response = await servePhoto(get(`?v=${version}&w=640&f=avif`), story, 'photo.jpg', root, services);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/avif');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('vary')).toBeNull();
    expect(await response.text()).toBe('avif 640');
    expect(calls).toEqual([{ width: 640, format: 'avif' }]);
    expect(await readFile(cached(`${version}-640.avif`), 'utf8')).toBe('avif 640');
  });

  it('serves a repeat from disk without encoding, in this process and in a new one', async () => {
    const first = fakeServices(cacheDir);
    const request = () => get(`?v=${version}&w=828&f=webp`);
    const a = await (await servePhoto(request(), story, 'photo.jpg', root, first.services)).arrayBuffer();
    const b = await (await servePhoto(request(), story, 'photo.jpg', root, first.services)).arrayBuffer();
    const restarted = fakeServices(cacheDir);
    const c = await (await servePhoto(request(), story, 'photo.jpg', root, restarted.services)).arrayBuffer();
    expect(first.calls).toHaveLength(1);
    expect(restarted.calls).toHaveLength(0);
    expect(Buffer.from(b)).toEqual(Buffer.from(a));
    expect(Buffer.from(c)).toEqual(Buffer.from(a));
  });

  it('encodes once for concurrent requests of one variant (single flight)', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const { services, calls } = fakeServices(cacheDir, { encode: async (_o, v) => (await released, Buffer.from(`${v.format} ${v.width}`)) });
    const requests = Array.from({ length: 5 }, () => servePhoto(get(`?v=${version}&w=320&f=jpeg`), story, 'photo.jpg', root, services));
    const other = servePhoto(get(`?v=${version}&f=jpeg&w=640`), story, 'photo.jpg', root, services);
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    const responses = await Promise.all([...requests, other]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await Promise.all(responses.map((r) => r.text()))).toEqual([...Array(5).fill('jpeg 320'), 'jpeg 640']);
    // One encode per variant; the two variants' order depends on file system timing.
    expect(calls.map((call) => call.width).sort((a, b) => a - b)).toEqual([320, 640]);
  });

  it('caps encodes at once, queues a few, and past the queue answers a stand-in, never an error: the nearest variant on disk, else the photo itself, kept a minute', async () => {
    let running = 0;
    let peak = 0;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const encode: VariantEncoder = async (_o, v) => {
      running += 1;
      peak = Math.max(peak, running);
      await released;
      running -= 1;
      return Buffer.from(`${v.format} ${v.width}`);
    };
    const { services, calls } = fakeServices(cacheDir, { encode, concurrency: 2, queueLimit: 1 });
    const ask = (width: number, format = 'jpeg') => servePhoto(get(`?v=${version}&w=${width}&f=${format}`), story, 'photo.jpg', root, services);
    const accepted = [ask(160), ask(320), ask(640)];
    // Until two encode and one waits (file reads come first, so how long that takes varies).
    while (services.limiter.running < 2 || services.limiter.waiting < 1) await new Promise((resolve) => setTimeout(resolve, 5));
    // Nothing of this photo is encoded yet: the photo itself.
    const original = await ask(828);
    expect(original.status).toBe(200);
    expect(original.headers.get('x-media-stand-in')).toBe('original');
    expect(original.headers.get('content-type')).toBe('image/jpeg');
    expect(original.headers.get('cache-control')).toBe('public, max-age=60');
    expect(Buffer.from(await original.arrayBuffer()).equals(photoBytes)).toBe(true);
    // Variants on disk (from an earlier run, or another instance): the nearest one the browser can show.
    await mkdir(path.join(cacheDir, 'story'), { recursive: true });
    for (const name of [`${version}-320.webp`, `${version}-1080.webp`, `${version}-1080.jpeg`, `${version}-828.png`]) await writeFile(cached(name), name);
    const nearest = await ask(828, 'webp');
    expect([nearest.status, nearest.headers.get('x-media-stand-in'), nearest.headers.get('content-type')]).toEqual([200, '1080.webp', 'image/webp']);
    expect(await nearest.text()).toBe(`${version}-1080.webp`);
    expect(nearest.headers.get('cache-control')).toBe('public, max-age=60');
    // A browser that asked for JPEG is never sent WebP.
    expect((await ask(1200, 'jpeg')).headers.get('x-media-stand-in')).toBe('1080.jpeg');
    // Joining an encode under way takes no place in the queue.
    const joined = ask(160);
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    expect((await Promise.all([...accepted, joined])).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(peak).toBe(2);
    expect(calls).toHaveLength(3);
  });

  it.each([
    ['an unknown width', 'w=123&f=avif', 400],
    ['a width above the photo', 'w=1920&f=avif', 400],
    ['an unknown format', 'w=640&f=gif', 400],
    ['a quality', 'w=640&f=avif&q=50', 400],
    ['an extra parameter', 'w=640&f=avif&x=1', 400],
  ])('refuses %s (%s) with %i, without encoding', async (_name, query, status) => {
    const { services, calls } = fakeServices(cacheDir);
    expect((await servePhoto(get(`?v=${version}&${query}`), story, 'photo.jpg', root, services)).status).toBe(status);
    expect(calls).toHaveLength(0);
  });

  it('refuses a stale version with 404, without encoding', async () => {
    const { services, calls } = fakeServices(cacheDir);
    expect((await servePhoto(get('?v=0123456789ab&w=640&f=avif'), story, 'photo.jpg', root, services)).status).toBe(404);
    expect(calls).toHaveLength(0);
  });

  it('answers 404 and stores nothing when the photo on disk is not the version in the URL', async () => {
    const { services, calls } = fakeServices(cacheDir);
    await writeFile(photoPath(), Buffer.concat([photoBytes, Buffer.from('edited')]));
    try {
      expect((await servePhoto(get(`?v=${version}&w=640&f=avif`), story, 'photo.jpg', root, services)).status).toBe(404);
    } finally {
      await writeFile(photoPath(), photoBytes);
    }
    expect(calls).toHaveLength(0);
    await expect(readFile(cached(`${version}-640.avif`))).rejects.toThrow();
  });

  it('answers 404 for a photo replaced by a symlink, without encoding its target', async () => {
    const { services, calls } = fakeServices(cacheDir);
    const copy = path.join(base, 'copy.jpg');
    await writeFile(copy, photoBytes);
    await unlink(photoPath());
    await symlink(copy, photoPath());
    try {
      expect((await servePhoto(get(`?v=${version}&w=640&f=avif`), story, 'photo.jpg', root, services)).status).toBe(404);
    } finally {
      await unlink(photoPath());
      await writeFile(photoPath(), photoBytes);
    }
    expect(calls).toHaveLength(0);
  });

  it('does not serve a cache entry replaced by a symlink (encodes afresh instead)', async () => {
    const { services, calls } = fakeServices(cacheDir);
    await mkdir(path.join(cacheDir, 'story'), { recursive: true });
    await symlink('/proc/self/environ', cached(`${version}-640.avif`));
    const response = await servePhoto(get(`?v=${version}&w=640&f=avif`), story, 'photo.jpg', root, services);
    expect(await response.text()).toBe('avif 640');
    expect(calls).toHaveLength(1);
  });

  it('still answers when the cache cannot be written, and says so in the log', async () => {
    const blocked = path.join(cacheDir, 'not-a-folder');
    await writeFile(blocked, '');
    const { services, logs } = fakeServices(blocked);
    const response = await servePhoto(get(`?v=${version}&w=640&f=webp`), story, 'photo.jpg', root, services);
    expect(response.status).toBe(200);
    expect(logs.join('\n')).toMatch(/cannot store/);
  });

  it('refuses to resize a photo whose probed size is over the pixel limit (422), without encoding', async () => {
    const { services, calls } = fakeServices(cacheDir);
    const huge: PhotoOwner = { slug: 'story', image: { file: 'photo.jpg', version, width: 50_000, height: 50_000 } };
    expect((await servePhoto(get(`?v=${version}&w=640&f=avif`), huge, 'photo.jpg', root, services)).status).toBe(422);
    expect(calls).toHaveLength(0);
  });

  it('refuses a decompression bomb that slipped past the probed size (422, logged, not retried for a while)', async () => {
    const bomb = bombPng(50_000, 50_000);
    await writeFile(path.join(root, 'news', 'story', 'bomb.png'), bomb);
    const owner: PhotoOwner = { slug: 'story', image: { file: 'bomb.png', version: photoVersion(bomb), width: 1200, height: 675 } };
    const { services, calls, logs } = fakeServices(cacheDir, { encode: encodeVariant });
    const ask = () => servePhoto(get(`?v=${owner.image!.version}&w=640&f=avif`, 'bomb.png'), owner, 'bomb.png', root, services);
    const response = await ask();
    expect(response.status).toBe(422);
    expect(logs.join('\n')).toMatch(/story\/bomb\.png.*pixel limit/);
    expect((await ask()).status).toBe(422);
    expect(calls).toHaveLength(1);
  });
});
