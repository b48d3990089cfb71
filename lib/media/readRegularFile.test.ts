import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRegularFileInside } from './readRegularFile';

describe('readRegularFileInside', () => {
  let base: string;
  let root: string;
  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'media-'));
    root = path.join(base, 'content');
    await mkdir(path.join(root, 'news', 'story'), { recursive: true });
    await mkdir(path.join(root, 'news', 'other'), { recursive: true });
    await writeFile(path.join(root, 'news', 'story', 'photo.jpg'), 'JPEG BYTES');
    await writeFile(path.join(root, 'news', 'other', 'photo.jpg'), 'OTHER');
    await writeFile(path.join(base, 'secret.txt'), 'SECRET=1');
    await symlink('/proc/self/environ', path.join(root, 'news', 'story', 'environ.jpg'));
    await symlink(path.join(base, 'secret.txt'), path.join(root, 'news', 'story', 'outside.jpg'));
    await symlink('../other/photo.jpg', path.join(root, 'news', 'story', 'sibling.jpg'));
    await symlink(base, path.join(root, 'news', 'linked'));
    execFileSync('mkfifo', [path.join(root, 'news', 'story', 'fifo.jpg')]);
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('reads a regular file', async () => {
    expect((await readRegularFileInside(root, ['news', 'story', 'photo.jpg']))?.toString()).toBe('JPEG BYTES');
  });

  it.each([
    ['a symlink to /proc/self/environ', ['news', 'story', 'environ.jpg']],
    ['a symlink out of the content root', ['news', 'story', 'outside.jpg']],
    ['a symlink to another file in the root', ['news', 'story', 'sibling.jpg']],
    ['a file reached through a symlinked folder leading out', ['news', 'linked', 'secret.txt']],
    ['a directory', ['news', 'story']],
    ['a FIFO (which would stall a plain open)', ['news', 'story', 'fifo.jpg']],
    ['a missing file', ['news', 'story', 'missing.jpg']],
    ['a path out of the root', ['..', 'secret.txt']],
  ])('refuses %s', async (_name, segments) => {
    expect(await readRegularFileInside(root, segments)).toBeUndefined();
  });
});
