import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { loadContent } from '../lib/content/load';
import { currentVisibility } from '../lib/content/visibility';
import { photosToEncodeAhead } from '../lib/media/encodeAhead';
import { variantUrl } from '../lib/media/variantUrls';
import { variantWidthsFor } from '../lib/media/variantConfig';
import { freePorts } from '../scripts/cluster/ports.ts';
import { startProductionServer } from './productionServer';

// An instance encodes the newest stories' resized photos in the background when its content loads
// (lib/media/encodeAhead.ts), into DATA_DIR: the first reader, crawler or link preview asking for
// one gets it from disk (lib/media/encodeAhead.test.ts: a restart encodes none of them again).
test('a fresh instance encodes the newest stories’ photos ahead, and its first reader of one gets it from disk', async () => {
  test.setTimeout(120_000);
  const newest = photosToEncodeAhead(await loadContent('tests/fixtures/content'), currentVisibility(), 2);
  expect(newest).toHaveLength(2);
  const expected = newest.reduce((sum, photo) => sum + 3 * variantWidthsFor(photo.image.width).length, 0);
  const data = await mkdtemp(path.join(tmpdir(), 'encode-ahead-'));
  const [port] = await freePorts(1);
  const server = await startProductionServer(port!, { DATA_DIR: data, VIEWS_DB: path.join(data, 'views.db'), ENCODE_AHEAD_STORIES: '2' });
  try {
    const stored = async () => (await Promise.all(newest.map((photo) => readdir(path.join(data, 'media-cache', photo.slug)).catch(() => [])))).flat().filter((name) => !name.endsWith('.tmp'));
    await expect.poll(async () => (await stored()).length, { timeout: 90_000, intervals: [500] }).toBe(expected);
    expect(server.log()).toMatch(/\[media\] encoded \d+ resized photos of the 2 newest stories ahead in [\d.]+ s/);

    const photo = newest[0]!.image;
    const url = `${server.origin}${variantUrl(photo, variantWidthsFor(photo.width)[0]!, 'avif')}`;
    const first = await fetch(url);
    expect([first.status, first.headers.get('x-served-by'), first.headers.get('content-type')]).toEqual([200, 'media-cache', 'image/avif']);
  } finally {
    await server.stop();
    await rm(data, { recursive: true, force: true });
  }
});
