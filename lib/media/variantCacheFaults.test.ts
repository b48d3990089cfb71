import type { DiskFault } from '../testing/diskFaults';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeVariant } from './encodeVariant';
import { photoVersion } from './photoVersion';
import { servePhoto, type PhotoOwner } from './servePhoto';
import { fakeServices } from './testing/fakeServices';

// The resized-photo cache (DATA_DIR/media-cache) on a full or read-only disk: every photo is still
// served, freshly encoded; the failure is logged once, not per photo; caching resumes by itself.
// Tests run as root (chmod binds nothing), so a write fails with the error the disk would give:
// writeFile under the cache throws ENOSPC after writing half the bytes (what a full disk does) or
// EROFS before writing any; a cache folder under a regular file fails with a real ENOTDIR.
const fault = vi.hoisted((): DiskFault => ({ code: undefined, under: '/nowhere' }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const { faultyFsPromises } = await import('../testing/diskFaults');
  return faultyFsPromises(await importOriginal<typeof import('node:fs/promises')>(), fault);
});

const get = (query: string) => new Request(`http://localhost/media/story/photo.jpg${query}`);

describe('resized photos when DATA_DIR is full or read-only', () => {
  let base: string;
  let root: string;
  let story: PhotoOwner;
  let version: string;

  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'media-faults-'));
    root = path.join(base, 'content');
    await mkdir(path.join(root, 'news', 'story'), { recursive: true });
    const photo = await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#3a6ea5' } }).jpeg().toBuffer();
    await writeFile(path.join(root, 'news', 'story', 'photo.jpg'), photo);
    version = photoVersion(photo);
    story = { slug: 'story', image: { file: 'photo.jpg', version, width: 1200, height: 675 } };
  });
  afterAll(() => rm(base, { recursive: true, force: true }));
  afterEach(() => {
    fault.code = undefined;
    vi.restoreAllMocks();
  });

  /** A photo answer that is the resized image itself. */
  async function expectResized(response: Response, width: number, format: 'webp' | 'avif') {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(`image/${format}`);
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect(meta.width).toBe(width);
    expect(meta.format).toBe(format === 'avif' ? 'heif' : format);
  }

  describe.each(['ENOSPC', 'EROFS'] as const)('writes fail with %s', (code) => {
    let cacheDir: string;
    beforeEach(async () => {
      cacheDir = await mkdtemp(path.join(base, 'cache-'));
    });

    it('serves every photo freshly encoded, logs once, leaves no partial file, and caches again once writable', async () => {
      const { services, calls, logs } = fakeServices(cacheDir, { encode: encodeVariant });
      const ask = (width: number, format: 'webp' | 'avif') => servePhoto(get(`?v=${version}&w=${width}&f=${format}`), story, 'photo.jpg', root, services);
      fault.code = code;
      fault.under = cacheDir;
      for (let i = 0; i < 3; i += 1) await expectResized(await ask(320, 'webp'), 320, 'webp');
      await expectResized(await ask(640, 'avif'), 640, 'avif');
      // Nothing could be cached, so each request was encoded.
      expect(calls).toHaveLength(4);
      expect(await readdir(path.join(cacheDir, 'story'))).toEqual([]);
      expect(logs).toHaveLength(1);
      expect(logs[0]).toContain(`[media] cannot store resized photos under ${cacheDir} (cannot write ${cacheDir}/story/${version}-320.webp: ${code}`);
      expect(logs[0]).toContain('photos are still served');

      fault.code = undefined;
      await expectResized(await ask(320, 'webp'), 320, 'webp');
      expect(await readdir(path.join(cacheDir, 'story'))).toEqual([`${version}-320.webp`]);
      await expectResized(await ask(320, 'webp'), 320, 'webp');
      expect(calls).toHaveLength(5);
      expect(logs.slice(1)).toEqual([`[media] resized photos are stored under ${cacheDir} again`]);

      // A later outage is a new one: logged again, once.
      fault.code = code;
      for (let i = 0; i < 2; i += 1) await expectResized(await ask(640, 'webp'), 640, 'webp');
      expect(logs).toHaveLength(3);
      expect(logs[2]).toContain(`cannot store resized photos under ${cacheDir} (cannot write ${cacheDir}/story/${version}-640.webp: ${code}`);
    });
  });

  describe('the cache folder cannot be created (ENOTDIR), as the app runs it', () => {
    const slot = Symbol.for('bilingual-news:media-variants');
    const forgetServices = () => delete (globalThis as unknown as Record<symbol, unknown>)[slot];
    beforeEach(forgetServices);
    afterEach(() => {
      forgetServices();
      delete process.env.DATA_DIR;
    });

    it('serves the photos, logs once to the console, and caches once the folder can be made', async () => {
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
      const dataDir = path.join(base, 'data-file');
      await writeFile(dataDir, '');
      process.env.DATA_DIR = dataDir;
      const cacheDir = path.join(dataDir, 'media-cache');
      // servePhoto's default services: the process's own (lib/media/mediaServices.ts).
      const ask = () => servePhoto(get(`?v=${version}&w=320&f=webp`), story, 'photo.jpg', root);
      for (let i = 0; i < 3; i += 1) await expectResized(await ask(), 320, 'webp');
      expect(errors).toHaveBeenCalledTimes(1);
      expect(String(errors.mock.calls[0]![0])).toMatch(new RegExp(`^\\[media\\] cannot store resized photos under ${cacheDir} \\(.*ENOTDIR`));

      await rm(dataDir);
      const fresh = await ask();
      await expectResized(fresh.clone(), 320, 'webp');
      expect(await readFile(path.join(cacheDir, 'story', `${version}-320.webp`))).toEqual(Buffer.from(await fresh.arrayBuffer()));
      expect(errors).toHaveBeenCalledTimes(2);
      expect(String(errors.mock.calls[1]![0])).toBe(`[media] resized photos are stored under ${cacheDir} again`);
    });
  });
});
