import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from './load';
import { formatProblem } from './problems';
import { makeContent, md } from './testing/contentFixture';

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  await Promise.all(cleanups.map((cleanup) => cleanup()));
});

const story = (title: string) => md(`title: ${title}\ndate: 2024-03-01T10:00:00Z\nsection: politics`);

describe('content that is not a plain file inside the content folder', () => {
  it('is a problem line, never a read outside the root or a hang: a symlink, a FIFO, a folder leading out, a photo link', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'outside-'));
    cleanups.push(() => rm(outside, { recursive: true, force: true }));
    await writeFile(path.join(outside, 'secret.md'), story('Outside the content folder'));
    await writeFile(path.join(outside, 'en.md'), story('Outside too'));
    const fixture = await makeContent(
      {
        'news/linked/ru.md': story('Будет ссылкой'),
        'news/piped/ru.md': story('Будет каналом'),
        'news/photo/ru.md': md('title: Фото\ndate: 2024-03-01T10:00:00Z\nsection: politics\nimage:\n  src: photo.jpg\n  alt: Фото'),
        'news/fine/ru.md': story('Обычный'),
      },
      [],
    );
    cleanups.push(fixture.cleanup);
    const { root } = fixture;
    await unlink(path.join(root, 'news/linked/ru.md'));
    await symlink(path.join(outside, 'secret.md'), path.join(root, 'news/linked/ru.md'));
    await unlink(path.join(root, 'news/piped/ru.md'));
    execFileSync('mkfifo', [path.join(root, 'news/piped/ru.md')]);
    await symlink('/etc/hostname', path.join(root, 'news/photo/photo.jpg'));
    // A whole story folder that is a link to a folder elsewhere.
    await symlink(outside, path.join(root, 'news/elsewhere'));

    const content = await loadContent(root);
    const lines = content.problems.map((problem) => formatProblem(problem, 'en'));
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^news\/linked\/ru\.md: is not a plain file inside the content folder \(a symbolic link, a folder, a pipe or a device\): put the file itself here/),
        expect.stringMatching(/^news\/piped\/ru\.md: is not a plain file/),
        expect.stringMatching(/^news\/photo\/ru\.md:\d+: image\.src: is not a plain file/),
        expect.stringMatching(/^news\/elsewhere: is not a plain file/),
      ]),
    );
    expect(content.stories.has('fine')).toBe(true);
    for (const slug of ['linked', 'piped', 'photo', 'elsewhere']) expect(content.stories.has(slug)).toBe(false);
    expect(JSON.stringify([...content.stories.values()])).not.toContain('Outside');
    // In the editor's language too.
    expect(content.problems.map((problem) => formatProblem(problem, 'ru'))).toContainEqual(expect.stringMatching(/^news\/piped\/ru\.md: не обычный файл внутри папки материалов/));
  }, 10_000);
});
