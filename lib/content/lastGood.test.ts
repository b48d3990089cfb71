import { afterEach, describe, expect, it } from 'vitest';
import { writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { diffContent, nextDue } from './diff';
import { keepLastGood } from './lastGood';
import { loadContent } from './load';
import { makeContent, md } from './testing/contentFixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

const A = md('title: First A\ndate: 2020-01-01T00:00:00Z\nsection: politics', 'Body A.');
const B = md('title: First B\ndate: 2020-01-02T00:00:00Z\nsection: politics', 'Body B.');

async function fixture() {
  const { root, cleanup } = await makeContent({ 'news/a/en.md': A, 'news/b/en.md': B });
  cleanups.push(cleanup);
  return root;
}

describe('live content', () => {
  it('keeps the last good version of a story whose file broke, and only that one', async () => {
    const root = await fixture();
    const first = await loadContent(root);
    await writeFile(path.join(root, 'news/a/en.md'), md('title: Second A\ndate: not-a-date\nsection: politics'));
    await writeFile(path.join(root, 'news/b/en.md'), md('title: Second B\ndate: 2020-01-02T00:00:00Z\nsection: politics'));
    const served = keepLastGood(first, await loadContent(root));
    expect(served.stories.get('a')?.versions.en?.title).toBe('First A');
    expect(served.stories.get('b')?.versions.en?.title).toBe('Second B');
    expect(served.problems).toHaveLength(1);
  });

  it('keeps the previous sections and tags when their file breaks', async () => {
    const root = await fixture();
    const first = await loadContent(root);
    await writeFile(path.join(root, 'sections.yaml'), 'politics: [broken\n');
    const served = keepLastGood(first, await loadContent(root));
    expect(served.taxonomy).toEqual(first.taxonomy);
    expect([...served.stories.keys()].sort()).toEqual(['a', 'b']);
  });

  it('drops a deleted story and says that lists changed', async () => {
    const root = await fixture();
    const first = await loadContent(root);
    await rm(path.join(root, 'news/b'), { recursive: true });
    const next = keepLastGood(first, await loadContent(root));
    expect(next.stories.has('b')).toBe(false);
    expect(diffContent(first, next)).toEqual({ slugs: ['b'], listsChanged: true });
  });

  it('re-renders only the story when only its body changed, and lists when its headline or lead did', async () => {
    const root = await fixture();
    const first = await loadContent(root);
    // A new second paragraph: the lead (first paragraph, shown in listings) stays the same.
    await writeFile(path.join(root, 'news/a/en.md'), md('title: First A\ndate: 2020-01-01T00:00:00Z\nsection: politics', 'Body A.\n\nNew body.'));
    const bodyOnly = await loadContent(root);
    expect(diffContent(first, bodyOnly)).toEqual({ slugs: ['a'], listsChanged: false });
    await writeFile(path.join(root, 'news/a/en.md'), md('title: New A\ndate: 2020-01-01T00:00:00Z\nsection: politics', 'Body A.\n\nNew body.'));
    expect(diffContent(bodyOnly, await loadContent(root))).toEqual({ slugs: ['a'], listsChanged: true });
    expect(diffContent(first, first)).toEqual({ slugs: [], listsChanged: false });
    await writeFile(path.join(root, 'news/a/en.md'), md('title: First A\ndate: 2020-01-01T00:00:00Z\nsection: politics', 'A new lead.\n\nNew body.'));
    const leadChanged = await loadContent(root);
    expect(diffContent(bodyOnly, leadChanged)).toEqual({ slugs: ['a'], listsChanged: true });

  });

  it('knows when the next scheduled story falls due', async () => {
    const { root, cleanup } = await makeContent({
      'news/past/en.md': A,
      'news/soon/en.md': md('title: Soon\ndate: 2030-01-01T00:00:00Z\nsection: politics'),
      'news/later/en.md': md('title: Later\ndate: 2031-01-01T00:00:00Z\nsection: politics'),
    });
    cleanups.push(cleanup);
    expect(nextDue(await loadContent(root), Date.parse('2026-11-25T00:00:00Z'))).toBe(Date.parse('2030-01-01T00:00:00Z'));
    expect(nextDue(await loadContent(root), Date.parse('2032-01-01T00:00:00Z'))).toBeUndefined();
  });
});
