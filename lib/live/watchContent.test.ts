import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { changedSlug, watchContent, type Notify } from './watchContent';

describe('changedSlug', () => {
  it('names the story folder of a changed file, and nothing for changes that may touch every story', () => {
    expect(changedSlug('news/some-story/ru.md')).toBe('some-story');
    expect(changedSlug('news/some-story/photo.jpg')).toBe('some-story');
    expect(changedSlug('news/new-folder')).toBe('new-folder');
    expect(changedSlug('news')).toBeUndefined();
    expect(changedSlug('sections.yaml')).toBeUndefined();
    expect(changedSlug(null)).toBeUndefined();
  });
});

describe('watchContent', () => {
  const stops: Array<() => void> = [];
  const roots: string[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) stop();
    for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
  });

  /** A watched content root; each notify call is queued for the test to take in order. */
  async function watched(ignoredInside: string[] = []) {
    const root = await mkdtemp(path.join(os.tmpdir(), 'watch-content-'));
    roots.push(root);
    await mkdir(path.join(root, 'news', 'first'), { recursive: true });
    await writeFile(path.join(root, 'news', 'first', 'ru.md'), 'one');
    const calls: Array<{ scope: string; slugs?: string[] }> = [];
    const waiters: Array<() => void> = [];
    const notify: Notify = async (scope, slugs) => {
      calls.push({ scope, slugs: slugs && [...slugs].sort() });
      waiters.splice(0).forEach((wake) => wake());
      return { nextDue: null };
    };
    stops.push(watchContent(root, notify, undefined, ignoredInside.map((folder) => path.join(root, folder))));
    const next = async () => {
      while (calls.length === 0) await new Promise<void>((resolve) => waiters.push(resolve));
      return calls.shift();
    };
    // The first call comes once the watch is in place: edits after it are seen.
    expect(await next()).toEqual({ scope: 'changes', slugs: [] });
    return { root, next, forget: () => void calls.splice(0) };
  }

  it('names the story folders a burst of edits touched, new folders included', async () => {
    const { root, next, forget } = await watched();
    await writeFile(path.join(root, 'news', 'first', 'ru.md'), 'two');
    await mkdir(path.join(root, 'news', 'second'));
    await writeFile(path.join(root, 'news', 'second', 'en.md'), 'new');
    // One call as a rule; two on a busy machine, where the burst outlasts the 300 ms debounce.
    const named = new Set<string>();
    while (!named.has('first') || !named.has('second')) {
      const call = await next();
      expect(call?.scope).toBe('changes');
      for (const slug of call?.slugs ?? ['(every folder)']) named.add(slug);
    }
    expect([...named].sort()).toEqual(['first', 'second']);
    // A file in a folder that appeared after the watch began is watched too.
    forget();
    await writeFile(path.join(root, 'news', 'second', 'en.md'), 'edited');
    expect(await next()).toEqual({ scope: 'changes', slugs: ['second'] });
  });

  it('watches the folders inside a folder that arrived whole (moved in, copied, checked out, mkdir -p)', async () => {
    const { root, next, forget } = await watched();
    // Made outside the root and moved in at once: the story's updates/ folder is there before any watch.
    const outside = await mkdtemp(path.join(os.tmpdir(), 'watch-content-outside-'));
    roots.push(outside);
    await mkdir(path.join(outside, 'live', 'updates'), { recursive: true });
    await writeFile(path.join(outside, 'live', 'ru.md'), 'live');
    await writeFile(path.join(outside, 'live', 'updates', '2026-03-01T1200-first.ru.md'), 'first');
    await rename(path.join(outside, 'live'), path.join(root, 'news', 'live'));
    expect(await next()).toEqual({ scope: 'changes', slugs: ['live'] });
    // Whatever was asked before the edit, a reload asked after it reads it.
    forget();
    await writeFile(path.join(root, 'news', 'live', 'updates', '2026-03-01T1200-first.ru.md'), 'edited');
    expect(await next()).toEqual({ scope: 'changes', slugs: ['live'] });
  });

  it('ignores the site’s own data folder inside the root (DATA_DIR there): its writes are no edit', async () => {
    const { root, next } = await watched(['.data']);
    await mkdir(path.join(root, '.data', 'card-cache'), { recursive: true });
    await writeFile(path.join(root, '.data', 'content-cache.v8'), 'cache');
    await writeFile(path.join(root, 'news', 'first', 'ru.md'), 'two');
    // Counted, the data folder's writes would have asked for every folder, alone or with this.
    expect(await next()).toEqual({ scope: 'changes', slugs: ['first'] });
  });

  it('asks for every folder when a change may touch every story', async () => {
    const { root, next } = await watched();
    await writeFile(path.join(root, 'sections.yaml'), 'world: { ru: Мир, en: World, hy: Աշխարհ }');
    expect(await next()).toEqual({ scope: 'changes', slugs: undefined });
  });
});
