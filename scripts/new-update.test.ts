import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../lib/content/load';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'new-update-'));
  await cp('content/sections.yaml', path.join(root, 'sections.yaml'));
  await cp('content/tags.yaml', path.join(root, 'tags.yaml'));
  await mkdir(path.join(root, 'news/night'), { recursive: true });
  await writeFile(path.join(root, 'news/night/ru.md'), '---\ntitle: "Ночь"\ndate: 2024-01-02T03:04:00+03:00\nsection: politics\nlive: true\n---\nЧто известно.\n');
});
afterAll(() => rm(root, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/new-update.ts', ...args], { env: { ...process.env, CONTENT_DIR: root }, encoding: 'utf8' });

describe('npm run new-update', { timeout: 30_000 }, () => {
  it('adds a valid update dated now, named by its local time, and its translation at the same time', async () => {
    expect(run('night', '--id', 'talks-resume').status).toBe(0);
    // Whatever minute it is now, the translation shares the update's time (and so its file name).
    const [first] = await readdir(path.join(root, 'news/night/updates'));
    const text = await readFile(path.join(root, 'news/night/updates', first!), 'utf8');
    await writeFile(path.join(root, 'news/night/updates', first!), text.replace(/^time: .*$/m, 'time: 2024-01-02T05:06:00+03:00'));
    await cp(path.join(root, 'news/night/updates', first!), path.join(root, 'news/night/updates/2024-01-02T05-06-talks-resume.ru.md'));
    await rm(path.join(root, 'news/night/updates', first!));
    expect(run('night', '--id', 'talks-resume', '--locale', 'en').status).toBe(0);
    const names = (await readdir(path.join(root, 'news/night/updates'))).sort();
    expect(names).toHaveLength(2);
    expect(names).toEqual(['2024-01-02T05-06-talks-resume.en.md', '2024-01-02T05-06-talks-resume.ru.md']);
    expect(text).toMatch(/^---\ntime: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00[+-]\d{2}:\d{2}\n/);
    expect(first).toMatch(new RegExp(`^${text.slice(10, 20)}T${text.slice(21, 23)}-${text.slice(24, 26)}-talks-resume\\.ru\\.md$`));
    const content = await loadContent(root);
    expect(content.problems).toEqual([]);
    const updates = content.stories.get('night')!.live!.updates;
    expect(updates.map((update) => [update.id, Object.keys(update.versions).sort()])).toEqual([['talks-resume', ['en', 'ru']]]);
  });

  it('refuses a story that is not there, a bad id, an unknown language and overwriting', () => {
    expect(run('no-such-story').stderr).toContain('there is no story');
    expect(run('night', '--id', 'Bad Id').stderr).toContain('must be lowercase ASCII letters');
    expect(run('night', '--locale', 'de').stderr).toContain('--locale must be ru or en or hy');
  });
});
