import { mkdir, mkdtemp, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePhoto, type PhotoOwner } from './servePhoto';

const story: PhotoOwner = { slug: 'story', image: { file: 'photo.jpg', version: 'v1', width: 1200, height: 675 } };
const get = (query: string) => new Request(`http://localhost/media/story/photo.jpg${query}`);

describe('GET /media/{slug}/{file}', () => {
  let base: string;
  let root: string;
  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'photo-'));
    root = path.join(base, 'content');
    await mkdir(path.join(root, 'news', 'story'), { recursive: true });
    await writeFile(path.join(root, 'news', 'story', 'photo.jpg'), 'JPEG');
    await writeFile(path.join(base, 'outside.jpg'), 'OUTSIDE');
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('serves the current version as immutable', async () => {
    const response = await servePhoto(get('?v=v1'), story, 'photo.jpg', root);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('JPEG');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(response.headers.get('content-type')).toBe('image/jpeg');
  });

  it('refuses other versions (404) and unknown parameters (400)', async () => {
    expect((await servePhoto(get(''), story, 'photo.jpg', root)).status).toBe(404);
    expect((await servePhoto(get('?v=old'), story, 'photo.jpg', root)).status).toBe(404);
    expect((await servePhoto(get('?v=v1&bust=1'), story, 'photo.jpg', root)).status).toBe(400);
  });

  it('refuses a file the story does not name', async () => {
    expect((await servePhoto(get('?v=v1'), story, 'other.jpg', root)).status).toBe(404);
    expect((await servePhoto(get('?v=v1'), undefined, 'photo.jpg', root)).status).toBe(404);
  });

  it.each([
    ['/proc/self/environ', '/proc/self/environ'],
    ['a file outside the content root', 'OUTSIDE'],
  ])('answers 404, not the target, when the committed photo is replaced by a symlink to %s', async (_name, target) => {
    const photo = path.join(root, 'news', 'story', 'photo.jpg');
    await unlink(photo);
    await symlink(target === 'OUTSIDE' ? path.join(base, 'outside.jpg') : target, photo);
    try {
      const response = await servePhoto(get('?v=v1'), story, 'photo.jpg', root);
      expect(response.status).toBe(404);
      const body = await response.text();
      expect(body).not.toContain('OUTSIDE');
      expect(body).not.toMatch(/PATH=|HOME=/);
    } finally {
      await unlink(photo);
      await writeFile(photo, 'JPEG');
    }
  });
});
