import type { DiskFault } from '../testing/diskFaults';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createContentRepository } from './contentRepository';
import { createFileContentLoader } from './fileContentLoader';
import { contentCacheFile, lastGoodFile, readContentCache, readLastGood, writeLastGood } from './snapshots';
import { makeContent, md } from './testing/contentFixture';

// The content cache and the last good versions (DATA_DIR) on a full or read-only disk: content is
// still loaded and served (a broken story still from its last good version), each file's failure
// is logged once, not per reload, and both are written again by themselves once the disk can be.
// Tests run as root (chmod binds nothing), so a write under DATA_DIR fails with the error the disk
// would give: ENOSPC after writing half the bytes (what a full disk does) or EROFS before writing
// any; a DATA_DIR that is a regular file fails with a real ENOTDIR.
const fault = vi.hoisted((): DiskFault => ({ code: undefined, under: '/nowhere' }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const { faultyFsPromises } = await import('../testing/diskFaults');
  return faultyFsPromises(await importOriginal<typeof import('node:fs/promises')>(), fault);
});

const story = (title: string, date = '2020-01-01T10:00:00Z') => md(`title: ${title}\ndate: ${date}\nsection: politics`);
const BROKEN = story('Broken', 'not-a-date');

describe('content when DATA_DIR is full or read-only', () => {
  let root: string;
  let dataDir: string;
  let cleanup: () => Promise<void>;
  let warnings: MockInstance<typeof console.warn>;
  const logged = () => warnings.mock.calls.map(([line]) => String(line)).filter((line) => line.startsWith('[content]'));

  beforeEach(async () => {
    ({ root, cleanup } = await makeContent({ 'news/a/en.md': story('First A'), 'news/b/en.md': story('First B') }));
    dataDir = await mkdtemp(path.join(tmpdir(), 'content-data-'));
    process.env.DATA_DIR = dataDir;
    warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(async () => {
    fault.code = undefined;
    vi.restoreAllMocks();
    delete process.env.DATA_DIR;
    await cleanup();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** The content as lib/content/repository.ts wires it, with the loader in hand to flush its cache write. */
  function site() {
    const loader = createFileContentLoader(root, contentCacheFile(root), console);
    const repository = createContentRepository({
      load: (request) => loader.load(request),
      readLastGood: () => readLastGood(lastGoodFile(root)),
      writeLastGood: (taxonomy, stories) => writeLastGood(lastGoodFile(root), taxonomy, stories),
      readBaseline: async () => undefined,
      includeDrafts: false,
      isBuild: false,
      log: console,
    });
    const titles = async () => {
      const { content } = await repository.reload();
      await loader.flush();
      return [...content.stories.values()].map((s) => s.versions.en?.title).sort();
    };
    return { repository, loader, titles };
  }

  describe.each(['ENOSPC', 'EROFS'] as const)('writes fail with %s', (code) => {
    it('serves content and last good versions, logs each file once, leaves no partial file, and writes both again once writable', async () => {
      fault.code = code;
      fault.under = dataDir + path.sep;
      const { repository, loader, titles } = site();
      expect((await repository.get()).stories.size).toBe(2);
      await loader.flush();

      await writeFile(path.join(root, 'news/a/en.md'), BROKEN);
      expect(await titles()).toEqual(['First A', 'First B']);
      await writeFile(path.join(root, 'news/b/en.md'), BROKEN);
      expect(await titles()).toEqual(['First A', 'First B']);
      await mkdir(path.join(root, 'news/c'));
      await writeFile(path.join(root, 'news/c/en.md'), story('New C'));
      expect(await titles()).toEqual(['First A', 'First B', 'New C']);

      expect(await readdir(dataDir)).toEqual([]);
      const lines = logged();
      expect(lines).toHaveLength(2);
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^\\[content\\] the content cache is not saved \\(cannot write ${contentCacheFile(root)}: ${code}: `)));
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^\\[content\\] cannot save the last good versions \\(cannot write ${lastGoodFile(root)}: ${code}: .*kept in memory only`)));

      // Writable again: the next reload saves both, whether or not the files changed since.
      fault.code = undefined;
      expect(await titles()).toEqual(['First A', 'First B', 'New C']);
      expect([...((await readLastGood(lastGoodFile(root)))?.stories.keys() ?? [])].sort()).toEqual(['a', 'b']);
      expect((await readContentCache(contentCacheFile(root)))?.signatures.size).toBe(3);
      expect(logged().slice(2).sort()).toEqual([
        `[content] the content cache is written again (${contentCacheFile(root)})`,
        '[content] the last good versions are saved again',
      ]);
    });
  });

  it('starts, serves and keeps last good versions when DATA_DIR cannot be made (ENOTDIR), and saves once it can', async () => {
    // DATA_DIR under a regular file: every read and write in it fails, as in an unmounted volume.
    const blocker = path.join(dataDir, 'volume');
    await writeFile(blocker, '');
    process.env.DATA_DIR = path.join(blocker, 'data');
    const { repository, titles } = site();
    expect((await repository.get()).stories.size).toBe(2);
    await writeFile(path.join(root, 'news/a/en.md'), BROKEN);
    expect(await titles()).toEqual(['First A', 'First B']);
    await writeFile(path.join(root, 'news/b/en.md'), BROKEN);
    expect(await titles()).toEqual(['First A', 'First B']);
    // Each of the four things that touch DATA_DIR said so once: two reads at start-up, two writes.
    expect(logged().map((line) => line.replace(/ [(/].*/, ''))).toEqual(
      expect.arrayContaining(['[content] ignoring the content cache', '[content] cannot read the saved last good versions', '[content] the content cache is not saved', '[content] cannot save the last good versions']),
    );
    expect(logged()).toHaveLength(4);
    expect(logged().filter((line) => line.includes('ENOTDIR'))).toHaveLength(4);

    await rm(blocker);
    expect(await titles()).toEqual(['First A', 'First B']);
    expect([...((await readLastGood(lastGoodFile(root)))?.stories.keys() ?? [])].sort()).toEqual(['a', 'b']);
    expect(await readContentCache(contentCacheFile(root))).toBeDefined();
    expect(logged()).toHaveLength(6);
  });
});
