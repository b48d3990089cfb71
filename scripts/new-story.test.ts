import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, cp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../lib/content/load';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'new-story-'));
  await cp('content/sections.yaml', path.join(root, 'sections.yaml'));
  await cp('content/tags.yaml', path.join(root, 'tags.yaml'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/new-story.ts', ...args], { env: { ...process.env, CONTENT_DIR: root }, encoding: 'utf8' });

// Each case starts tsx a few times (about a second each): give them room on a busy machine.
describe('npm run new-story', { timeout: 30_000 }, () => {
  it('scaffolds a valid draft with today’s date in each locale', async () => {
    expect(run('fresh-story').status).toBe(0);
    expect(run('fresh-story', '--locale', 'en').status).toBe(0);
    const ru = await readFile(path.join(root, 'news/fresh-story/ru.md'), 'utf8');
    const today = execFileSync('date', ['+%Y-%m-%d'], { encoding: 'utf8' }).trim();
    expect(ru).toContain(`date: ${today}T`);
    expect(ru).toContain('draft: true');
    const content = await loadContent(root);
    expect(content.problems).toEqual([]);
    expect(content.stories.get('fresh-story')?.draft).toBe(true);
    expect(Object.keys(content.stories.get('fresh-story')!.versions).sort()).toEqual(['en', 'ru']);
  });

  it('gives a translation the date of the version already there, which it must share', async () => {
    const folder = path.join(root, 'news/older-story');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'ru.md'), '---\ntitle: "Старый материал"\ndate: 2024-01-02T03:04:00+03:00\nsection: politics\n---\nТекст.\n');
    expect(run('older-story', '--locale', 'en').status).toBe(0);
    expect(await readFile(path.join(folder, 'en.md'), 'utf8')).toMatch(/^date: 2024-01-02T03:04:00\+03:00$/m);
  });

  it('refuses bad slugs, unknown locales and overwriting', () => {
    expect(run('Bad Slug').stderr).toContain('is not a valid slug');
    expect(run('ok-slug', '--locale', 'de').stderr).toContain('--locale must be ru or en');
    expect(run('fresh-story').stderr).toContain('already exists');
    expect(run('fresh-story').status).toBe(2);
  });
});
