import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { photoVersion } from '../media/photoVersion';
import { bombPng } from '../media/testing/bombPng';
import { cardPhoto } from './photo';

describe("a card's photo", () => {
  let base: string;
  let root: string;
  let jpeg: Buffer;
  const story = (slug: string, file: string, bytes: Buffer) => ({ slug, image: { file, version: photoVersion(bytes), width: 800, height: 450 } });
  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'card-photo-'));
    root = path.join(base, 'content');
    jpeg = await sharp({ create: { width: 800, height: 450, channels: 3, background: '#3366aa' } }).jpeg().toBuffer();
    for (const slug of ['plain', 'linked', 'bomb']) await mkdir(path.join(root, 'news', slug), { recursive: true });
    await writeFile(path.join(root, 'news', 'plain', 'photo.jpg'), jpeg);
    // The same bytes outside the content, reached through a link: the version matches, the path must not.
    await writeFile(path.join(base, 'outside.jpg'), jpeg);
    await symlink(path.join(base, 'outside.jpg'), path.join(root, 'news', 'linked', 'photo.jpg'));
    await writeFile(path.join(root, 'news', 'bomb', 'photo.png'), bombPng(100_000, 100_000));
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('is the story photo cropped to the panel, as a JPEG data URI', async () => {
    const uri = await cardPhoto(story('plain', 'photo.jpg', jpeg), 460, 630, root);
    expect(uri).toMatch(/^data:image\/jpeg;base64,/);
    const drawn = await sharp(Buffer.from(uri!.split(',')[1]!, 'base64')).metadata();
    expect([drawn.width, drawn.height]).toEqual([460, 630]);
  });

  it('is not read through a link to a file outside the content', async () => {
    expect(await cardPhoto(story('linked', 'photo.jpg', jpeg), 460, 630, root)).toBeUndefined();
  });

  it('is not read at another version than the story names', async () => {
    expect(await cardPhoto({ slug: 'plain', image: { file: 'photo.jpg', version: 'abcdef123456', width: 800, height: 450 } }, 460, 630, root)).toBeUndefined();
  });

  it('leaves a decompression bomb undrawn, and says so, instead of failing the card', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const bomb = bombPng(100_000, 100_000);
    expect(await cardPhoto(story('bomb', 'photo.png', bomb), 460, 630, root)).toBeUndefined();
    expect(String(errors.mock.calls[0]?.[0])).toMatch(/\[og\] the card of bomb is drawn without its photo photo\.png: .*pixel limit/i);
    errors.mockRestore();
  });
});
