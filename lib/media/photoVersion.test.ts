import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { probePhoto } from '../content/photoProbe';
import { photoVersion } from './photoVersion';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'photo-version-'));
  await mkdir(path.join(root, 'news', 'story'), { recursive: true });
});
afterAll(() => rm(root, { recursive: true, force: true }));

it('agrees with the version the content loader gives a photo (the version pages link)', async () => {
  const bytes = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c33' } }).jpeg().toBuffer();
  await writeFile(path.join(root, 'news', 'story', 'photo.jpg'), bytes);
  const probe = await probePhoto(root, 'story', 'photo.jpg');
  expect(probe.state === 'ok' && probe.image.version).toBe(photoVersion(bytes));
});
