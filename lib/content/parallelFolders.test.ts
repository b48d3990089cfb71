import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from './load';
import { readFoldersInParallel } from './parallelFolders';
import { makeContent, md } from './testing/contentFixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

describe('reading story folders on worker threads', () => {
  it('gives what one thread gives: the same stories, the same problems, in the same order', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 25; i += 1) {
      const slug = `story-${String(i).padStart(2, '0')}`;
      const related = i > 0 ? `\nrelated: [story-${String(i - 1).padStart(2, '0')}]` : '';
      files[`news/${slug}/ru.md`] = md(`title: История ${i}\ndate: 2020-01-01T10:00:00+03:00\nsection: politics\ntags: [eu]${related}`, `Текст **${i}**.`);
      files[`news/${slug}/en.md`] = md(`title: Story ${i}`, `Text ${i}.`);
    }
    // Broken in each way a worker must report as the main thread does.
    files['news/story-07/ru.md'] = md('title: Без даты\nsection: politics');
    files['news/story-13/en.md'] = md('title: Story 13\nsection: nowhere');
    files['news/story-19/ru.md'] = md('title: 19\ndate: 2020-01-01T10:00:00+03:00\nsection: politics\nrelated: [missing-story]');
    const { root, cleanup } = await makeContent(files);
    cleanups.push(cleanup);

    const here = await loadContent(root);
    // Several batches on two workers, so the order of the results is the slugs', not the workers'.
    const parallel = await loadContent(root, undefined, readFoldersInParallel({ threads: 2, batch: 4, minimum: 0 }));
    expect(here.stories.size).toBe(22);
    expect(here.problems.map((p) => p.file)).toEqual(['news/story-07/ru.md', 'news/story-13/en.md', 'news/story-19/ru.md']);
    expect([...parallel.stories.keys()]).toEqual([...here.stories.keys()]);
    expect(parallel).toEqual(here);
  });
});
