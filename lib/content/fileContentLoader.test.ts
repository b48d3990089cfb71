import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { fingerprintContent } from './diff';
import { createFileContentLoader } from './fileContentLoader';
import { readContentCache } from './snapshots';
import { makeContent, md } from './testing/contentFixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

const story = (title: string) => md(`title: ${title}\ndate: 2020-01-01T10:00:00+03:00\nsection: politics`);
const title = (content: { stories: Map<string, { versions: { ru?: { title: string } } }> }, slug: string) => content.stories.get(slug)?.versions.ru?.title;

async function fixture() {
  const made = await makeContent({ 'news/a/ru.md': story('A1'), 'news/b/ru.md': story('B1') });
  cleanups.push(made.cleanup);
  return { root: made.root, cache: path.join(made.root, '..', `${path.basename(made.root)}-cache.v8`) };
}

/** The fixture loaded once with a cache file, the cache written: what a restart finds. */
async function cachedFixture() {
  const made = await fixture();
  cleanups.push(() => rm(made.cache, { force: true }));
  const first = createFileContentLoader(made.root, made.cache);
  await first.load();
  await first.flush();
  return made;
}

describe('file content loader', () => {
  it('re-reads only the folders a live edit names', async () => {
    const { root } = await fixture();
    const loader = createFileContentLoader(root);
    await loader.load();
    await writeFile(path.join(root, 'news/a/ru.md'), story('A2'));
    await writeFile(path.join(root, 'news/b/ru.md'), story('B2'));
    const content = await loader.load({ slugs: ['a'] });
    expect(title(content, 'a')).toBe('A2');
    // b was not named: kept as loaded (the watcher names every folder it saw change).
    expect(title(content, 'b')).toBe('B1');
    // Naming no folder (the start-up calls) reads none.
    expect(title(await loader.load({ slugs: [] }), 'b')).toBe('B1');
    // A full load compares every folder's signature and picks up b.
    expect(title(await loader.load(), 'b')).toBe('B2');
  });

  it('restarts from the cached load, re-reading only folders whose files changed since', async () => {
    const { root, cache } = await cachedFixture();
    // Mark the cached copy of a, so reuse shows: an unchanged folder is not read again.
    const data = deserialize(await readFile(cache));
    for (const s of data.stories) if (s.slug === 'a') s.versions.ru.title = 'A from cache';
    await writeFile(cache, serialize(data));
    await writeFile(path.join(root, 'news/b/ru.md'), story('B2'));

    const restarted = createFileContentLoader(root, cache);
    const content = await restarted.load();
    expect(title(content, 'a')).toBe('A from cache');
    expect(title(content, 'b')).toBe('B2');
  });

  it('restores each story with the fingerprint its own content hashes to', async () => {
    const { cache } = await cachedFixture();
    const restored = (await readContentCache(cache))!.loaded;
    // Copies are hashed afresh (the fingerprints kept in memory belong to the restored objects).
    const copies = { ...restored, stories: new Map([...restored.stories].map(([slug, story]) => [slug, structuredClone(story)])) };
    expect(fingerprintContent(restored)).toEqual(fingerprintContent(copies));
  });

  it('reads everything again when the cache is unreadable', async () => {
    const { root, cache } = await fixture();
    cleanups.push(() => rm(cache, { force: true }));
    await writeFile(cache, serialize({ format: 3 }).subarray(0, 3));
    const warnings: string[] = [];
    const content = await createFileContentLoader(root, cache, { warn: (line: string) => warnings.push(line) }).load();
    expect([title(content, 'a'), title(content, 'b')]).toEqual(['A1', 'B1']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('ignoring the content cache');
  });

  it('reads everything again, quietly, when the cache was written by another Node', async () => {
    const { root, cache } = await cachedFixture();
    const data = deserialize(await readFile(cache));
    for (const s of data.stories) s.versions.ru.title = 'from cache';
    await writeFile(cache, serialize({ ...data, node: 'v0.0.0' }));
    const warnings: string[] = [];
    const content = await createFileContentLoader(root, cache, { warn: (line: string) => warnings.push(line) }).load();
    expect([title(content, 'a'), title(content, 'b')]).toEqual(['A1', 'B1']);
    expect(warnings).toEqual([]);
  });
});
