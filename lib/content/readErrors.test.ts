import { spawnSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keepLastGood } from './lastGood';
import { loadContent, readFoldersHere } from './load';
import { formatProblem } from './problems';
import { makeContent, md } from './testing/contentFixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

const RU = md('title: Заголовок\ndate: 2020-01-01T10:00:00+03:00\nsection: politics', 'Текст.');
const EN = md('title: Headline', 'Text.');

async function fixture(files: Record<string, string>) {
  const made = await makeContent(files);
  cleanups.push(made.cleanup);
  return made.root;
}

describe('errors are not absences', () => {
  it('reports a version that cannot be read, and keeps the story served from its last good version', async () => {
    const root = await fixture({ 'news/a/ru.md': RU, 'news/a/en.md': EN });
    const good = await loadContent(root);
    // A directory where the file should be: there, yet no story file (not an absence).
    await rm(path.join(root, 'news/a/ru.md'));
    await mkdir(path.join(root, 'news/a/ru.md'));
    const broken = await loadContent(root);
    expect(broken.problems.map((p) => formatProblem(p))).toEqual([
      'news/a/ru.md: is not a plain file inside the content folder (a symbolic link, a folder, a pipe or a device): put the file itself here; the last good version stays on the site',
    ]);
    // Not silently English-only: the story is not rebuilt from en.md alone.
    expect(broken.stories.has('a')).toBe(false);
    const served = keepLastGood(good, broken);
    expect(served.stories.get('a')?.versions.ru?.title).toBe('Заголовок');
  });

  it('keeps every story when news/ is gone or not a folder', async () => {
    const root = await fixture({ 'news/a/ru.md': RU });
    const good = await loadContent(root);
    await rm(path.join(root, 'news'), { recursive: true });
    await writeFile(path.join(root, 'news'), 'not a folder');
    const broken = await loadContent(root);
    expect(broken.problems.map((p) => p.code)).toEqual(['news.missing']);
    expect([...keepLastGood(good, broken).stories.keys()]).toEqual(['a']);
  });

  it('treats a story folder deleted during the load as gone, without failing the load', async () => {
    const root = await fixture({ 'news/a/ru.md': RU, 'news/b/ru.md': RU });
    // Deleted after news/ was listed, before its folder is read: at that exact point, every time.
    const content = await loadContent(root, undefined, async (...args) => {
      await rm(path.join(root, 'news/b'), { recursive: true, force: true });
      return readFoldersHere(...args);
    });
    expect(content.problems).toEqual([]);
    expect([...content.stories.keys()]).toEqual(['a']);
  });

  it('loads 400 stories (800 files) under an open-file limit of 256 (bounded parallelism, no EMFILE)', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i += 1) {
      files[`news/s${i}/ru.md`] = RU;
      files[`news/s${i}/en.md`] = EN;
    }
    const root = await fixture(files);
    const script = `ulimit -n 256 && exec "${process.execPath}" --import tsx scripts/content-check.ts`;
    const run = spawnSync('bash', ['-c', script], { env: { ...process.env, CONTENT_DIR: root, DATA_DIR: path.join(root, '.cache'), LANG: 'C' }, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(`content:check: 400 stories OK in ${root}`);
    expect(run.status).toBe(0);
  }, 30_000);
});

describe('a draft hides its own language only', () => {
  it('keeps the published version of a story whose translation is a draft', async () => {
    const { withoutDraftVersions } = await import('./drafts');
    const root = await fixture({
      'news/a/ru.md': RU,
      'news/a/en.md': md('title: Draft headline\ndraft: true', 'Unfinished.'),
      'news/b/ru.md': md('title: Черновик\ndate: 2020-01-01T10:00:00+03:00\nsection: politics\ndraft: true'),
      'news/c/en.md': md('title: English original\ndate: 2020-01-01T10:00:00+03:00\nsection: politics'),
      'news/c/ru.md': md('title: Перевод-черновик\ndraft: true'),
    });
    const served = withoutDraftVersions(await loadContent(root));
    expect(served.stories.get('a')?.versions.ru?.title).toBe('Заголовок');
    expect(served.stories.get('a')?.versions.en).toBeUndefined();
    expect(served.stories.has('b')).toBe(false);
    expect(served.stories.get('c')).toMatchObject({ original: 'en', draft: false });
    expect(Object.keys(served.stories.get('c')!.versions)).toEqual(['en']);
  });
});
