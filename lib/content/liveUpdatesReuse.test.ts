import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readLiveUpdates } from './liveUpdates';
import { renderMarkdown } from './markdown';
import { makeContent, md } from './testing/contentFixture';

// Counts the renders, rendering as before.
vi.mock('./markdown', async (original) => {
  const actual = await original<typeof import('./markdown')>();
  return { ...actual, renderMarkdown: vi.fn(actual.renderMarkdown) };
});

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(cleanups.map((cleanup) => cleanup()));
});

const update = (minute: number, body: string) => md(`time: 2020-11-10T01:${String(minute).padStart(2, '0')}:00+03:00`, body);

describe('a live story reloaded after an edit of one update', () => {
  it('parses and renders again only the file that changed, and shows its new text', async () => {
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`news/night/updates/2020-11-10T01-${String(i).padStart(2, '0')}-u${i}.ru.md`, update(i, `Текст ${i}.`)]));
    const fixture = await makeContent({ 'news/night/ru.md': md('title: Ночь\ndate: 2020-11-09T22:00:00+03:00\nsection: politics\nlive: true'), ...files });
    cleanups.push(fixture.cleanup);
    const renders = vi.mocked(renderMarkdown);

    renders.mockClear();
    const first = await readLiveUpdates(fixture.root, 'night');
    expect(first.updates).toHaveLength(30);
    expect(renders).toHaveBeenCalledTimes(30);

    renders.mockClear();
    await writeFile(path.join(fixture.root, 'news/night/updates/2020-11-10T01-07-u7.ru.md'), update(7, 'Исправленный текст 7.'));
    const again = await readLiveUpdates(fixture.root, 'night');
    expect(renders).toHaveBeenCalledTimes(1);
    expect(again.updates.find((u) => u.id === 'u7')!.versions.ru!.bodyText).toBe('Исправленный текст 7.');
    expect(again.updates.find((u) => u.id === 'u8')!.versions.ru!.bodyText).toBe('Текст 8.');
    expect(again.updates.map((u) => u.id)).toEqual(first.updates.map((u) => u.id));

    // A file broken by the edit is a problem again on every load, not a kept good version.
    await writeFile(path.join(fixture.root, 'news/night/updates/2020-11-10T01-08-u8.ru.md'), '---\ntime: [\n---\nТекст.');
    expect((await readLiveUpdates(fixture.root, 'night')).problems).toHaveLength(1);
    expect((await readLiveUpdates(fixture.root, 'night')).problems).toHaveLength(1);
  });
});
