import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createContentRepository, type ContentSource } from './contentRepository';
import { fingerprintContent } from './diff';
import { readLastGood, writeLastGood } from './snapshots';
import type { ContentProblem, LoadedContent, Story } from './types';

const TAXONOMY = { sections: { politics: { ru: 'Политика', en: 'Politics' } }, tags: {} };

function story(slug: string, title: string): Story {
  return {
    slug,
    date: '2020-01-01T00:00:00Z',
    localDate: '2020-01-01',
    published: Date.parse('2020-01-01T00:00:00Z'),
    section: 'politics',
    tags: [],
    related: [],
    draft: false,
    original: 'en',
    versions: { en: { locale: 'en', title, summary: title, bodyHtml: `<p>${title}</p>`, bodyText: title, wordCount: 1, draft: false } },
  };
}

function content(stories: Story[], problems: ContentProblem[] = []): LoadedContent {
  return { stories: new Map(stories.map((s) => [s.slug, s])), taxonomy: TAXONOMY, problems };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function fakeSource(overrides: Partial<ContentSource>): ContentSource {
  return {
    load: async () => content([]),
    readLastGood: async () => undefined,
    writeLastGood: async () => undefined,
    readBaseline: async () => undefined,
    includeDrafts: false,
    isBuild: false,
    log: { error: vi.fn(), warn: vi.fn() },
    ...overrides,
  };
}

const title = (c: LoadedContent, slug = 'a') => c.stories.get(slug)?.versions.en?.title;

describe('content repository', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((c) => c()));
  });

  it('runs one reload at a time, so the newest files win even when an older read finishes last', async () => {
    // Each load returns what the files said when it started; the first reload's read is slow.
    let files = 'v1';
    const reads: Array<{ saw: string; done: ReturnType<typeof deferred<LoadedContent>> }> = [];
    let running = 0;
    let most = 0;
    const repository = createContentRepository(
      fakeSource({
        load: async () => {
          running += 1;
          most = Math.max(most, running);
          const read = { saw: files, done: deferred<LoadedContent>() };
          reads.push(read);
          try {
            return await read.done.promise;
          } finally {
            running -= 1;
          }
        },
        readBaseline: async () => fingerprintContent(content([story('a', 'v0')])),
      }),
    );
    const first = repository.get();
    await vi.waitFor(() => expect(reads).toHaveLength(1));
    reads[0]!.done.resolve(content([story('a', 'v1')]));
    await first;

    files = 'v2';
    const slow = repository.reload();
    await vi.waitFor(() => expect(reads).toHaveLength(2));
    files = 'v3';
    const fast = repository.reload();
    const alsoFast = repository.reload();
    expect(alsoFast).toBe(fast);
    reads[1]!.done.resolve(content([story('a', reads[1]!.saw)]));
    const slowResult = await slow;
    await vi.waitFor(() => expect(reads).toHaveLength(3));
    reads[2]!.done.resolve(content([story('a', reads[2]!.saw)]));
    const fastResult = await fast;

    expect(most).toBe(1);
    expect(title(await repository.get())).toBe('v3');
    // The first reload is compared with the build (v0), the next with the state it replaced (v2).
    expect(slowResult.change).toEqual({ slugs: ['a'], listsChanged: true });
    expect(title(slowResult.content)).toBe('v2');
    expect(fastResult.change).toEqual({ slugs: ['a'], listsChanged: true });
    expect(title(fastResult.content)).toBe('v3');
  });

  it('compares the first reload with the build, so stories edited since the build are re-rendered', async () => {
    const build = content([story('a', 'built'), story('b', 'same')]);
    const repository = createContentRepository(
      fakeSource({
        load: async () => content([story('a', 'edited since'), story('b', 'same')]),
        readBaseline: async () => fingerprintContent(build),
      }),
    );
    await repository.get();
    // A second fresh load would see no change; the build's fingerprints do.
    expect((await repository.reload()).change).toEqual({ slugs: ['a'], listsChanged: true });
    expect((await repository.reload()).change).toEqual({ slugs: [], listsChanged: false });
  });

  it('compares with the build on a start-up reload that names no folders, reading nothing more', async () => {
    const build = content([story('a', 'built')]);
    const requests: Array<string[] | undefined> = [];
    const repository = createContentRepository(
      fakeSource({
        load: async (request) => (requests.push(request?.slugs), content([story('a', 'edited since')])),
        readBaseline: async () => fingerprintContent(build),
      }),
    );
    await repository.get();
    // The server's and the watcher's first calls: only the first compares, neither reads a folder.
    expect((await repository.reload({ slugs: [] })).change).toEqual({ slugs: ['a'], listsChanged: true });
    expect((await repository.reload({ slugs: [] })).change).toEqual({ slugs: [], listsChanged: false });
    expect(requests).toEqual([undefined, [], []]);
  });

  it('reads the files for the first time only once the watcher is in place', async () => {
    const watching = deferred<void>();
    let loads = 0;
    const repository = createContentRepository(
      fakeSource({ load: async () => (loads += 1, content([story('a', 'x')])), untilWatching: () => watching.promise }),
    );
    const first = repository.get();
    await new Promise((resolve) => setImmediate(resolve));
    expect(loads).toBe(0);
    watching.resolve();
    expect(title(await first)).toBe('x');
    expect(loads).toBe(1);
  });

  it('re-renders everything once when the build left no fingerprints', async () => {
    const repository = createContentRepository(fakeSource({ load: async () => content([story('a', 'x')]) }));
    expect((await repository.reload()).change.listsChanged).toBe(true);
    expect((await repository.reload()).change.listsChanged).toBe(false);
  });

  it('keeps the last good version of a broken story across a restart, through the snapshot file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'last-good-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'last-good.json');
    const broken = { file: 'news/a/en.md', line: 2, field: 'title', code: 'text.empty' } as const;
    let files = content([story('a', 'good'), story('b', 'other')]);
    const source = () =>
      fakeSource({
        load: async () => files,
        readLastGood: () => readLastGood(file),
        writeLastGood: (taxonomy, stories) => writeLastGood(file, taxonomy, stories),
      });

    const before = createContentRepository(source());
    await before.get();
    files = content([story('b', 'other')], [broken]);
    expect(title((await before.reload()).content)).toBe('good');

    // A new process (a restart, or an instance started later) serves the same thing.
    const after = createContentRepository(source());
    expect(title(await after.get())).toBe('good');
    expect(title(await after.get(), 'b')).toBe('other');

    // Fixed on disk: served from the file, and the snapshot forgets it.
    files = content([story('a', 'fixed'), story('b', 'other')]);
    expect(title((await after.reload()).content)).toBe('fixed');
    expect([...((await readLastGood(file))?.stories.keys() ?? [])]).toEqual([]);
  });

  it('logs each problem once while it lasts', async () => {
    const log = { error: vi.fn(), warn: vi.fn() };
    const broken = { file: 'news/a/en.md', code: 'body.empty' } as const;
    const repository = createContentRepository(fakeSource({ load: async () => content([], [broken]), log }));
    await repository.get();
    await repository.reload();
    await repository.reload();
    expect(log.error.mock.calls).toEqual([['[content] news/a/en.md: has no text: write the story below the closing "---"']]);
  });
});
