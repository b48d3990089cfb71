import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from './load';
import { formatProblem } from './problems';
import { makeContent, md } from './testing/contentFixture';

const cleanups: Array<() => Promise<void>> = [];
async function load(files: Record<string, string>, images: string[] = []) {
  const fixture = await makeContent(files, images);
  cleanups.push(fixture.cleanup);
  return loadContent(fixture.root);
}
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

const RU = md(
  `
title: Заголовок
date: 2016-08-15T09:00:00+04:00
section: politics
tags: [eu, armenia]
editorsChoice: 2
related: [other]
image:
  src: photo.jpg
  alt: Фото
  caption: Подпись
`,
  'Первый абзац.\n\nВторой абзац.',
);
const EN = md(`
title: Headline
summary: The English lead.
image:
  alt: Photo
  caption: Caption
`);
const OTHER = md('title: Другая\ndate: 2020-01-01T10:00:00+03:00\nsection: security');

describe('loadContent', () => {
  it('gives the translation the neutral facts of its sibling', async () => {
    const content = await load(
      { 'news/story/ru.md': RU, 'news/story/en.md': EN, 'news/other/ru.md': OTHER },
      ['news/story/photo.jpg'],
    );
    expect(content.problems).toEqual([]);
    const story = content.stories.get('story')!;
    expect(story.date).toBe('2016-08-15T09:00:00+04:00');
    expect(story.localDate).toBe('2016-08-15');
    expect(story.section).toBe('politics');
    expect(story.tags).toEqual(['eu', 'armenia']);
    expect(story.editorsChoice).toBe(2);
    expect(story.related).toEqual(['other']);
    expect(story.original).toBe('ru');
    expect(story.image).toMatchObject({ file: 'photo.jpg', width: 40, height: 30 });
    expect(story.image?.url).toMatch(/^\/media\/story\/photo\.jpg\?v=[0-9a-f]{12}$/);
    expect(story.versions.en?.title).toBe('Headline');
    expect(story.versions.en?.imageCaption).toBe('Caption');
    expect(story.versions.en?.summary).toBe('The English lead.');
    // Without a summary, the lead is the first paragraph.
    expect(story.versions.ru?.summary).toBe('Первый абзац.');
  });

  it('reports a contradiction between versions with the file, line and field', async () => {
    const content = await load(
      {
        'news/story/ru.md': RU,
        'news/story/en.md': md('title: Headline\nsection: security\nimage:\n  alt: Photo'),
        'news/other/ru.md': OTHER,
      },
      ['news/story/photo.jpg'],
    );
    expect(content.stories.has('story')).toBe(false);
    expect(content.problems.map((p) => formatProblem(p))).toEqual([
      'news/story/en.md:3: section: contradicts ru.md ("security" here, "politics" there): write it once in one version, or make both the same',
    ]);
  });

  it('names the file, line, field and fix for a wrong date', async () => {
    const content = await load({ 'news/bad/ru.md': md('title: X\ndate: 15.08.2016\nsection: politics') });
    expect(content.problems.map((p) => formatProblem(p))).toEqual([
      'news/bad/ru.md:3: date: must be a date and time with offset, like 2016-08-15T09:00:00+04:00',
    ]);
  });

  it('requires date and section in one of the versions', async () => {
    const content = await load({ 'news/bad/en.md': md('title: X') });
    expect(content.problems.map((p) => formatProblem(p))).toEqual([
      'news/bad/en.md: date: is required in one version: add a line like "date: 2016-08-15T09:00:00+04:00"',
      'news/bad/en.md: section: is required in one version: add a line like "section: politics"',
    ]);
  });

  it('rejects unknown sections, tags, fields and related stories, listing all of them', async () => {
    const content = await load({
      'news/bad/ru.md': md('title: X\ndate: 2020-01-01T00:00:00Z\nsection: sport\ntags: [eu, nope]\nrelated: [ghost]\nsubtitle: Y'),
    });
    const lines = content.problems.map((p) => formatProblem(p));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('news/bad/ru.md');
    expect(lines[0]).toContain('unknown field "subtitle"');
    const fixed = await load({
      'news/bad/ru.md': md('title: X\ndate: 2020-01-01T00:00:00Z\nsection: sport\ntags: [eu, nope]\nrelated: [ghost]'),
    });
    expect(fixed.problems.map((p) => formatProblem(p))).toEqual([
      'news/bad/ru.md:4: section: "sport" is not in sections.yaml: use one of politics, security or add it there',
      'news/bad/ru.md:5: tags: "nope" is not in tags.yaml: use a listed tag or add it there with a name in each language (ru, en, hy)',
      'news/bad/ru.md:6: related: "ghost" is not a story: use the folder name of an existing story under news/',
    ]);
  });

  it('reports related slugs that are not stories', async () => {
    const content = await load({ 'news/a/ru.md': md('title: X\ndate: 2020-01-01T00:00:00Z\nsection: politics\nrelated: [ghost]') });
    expect(content.problems.map((p) => formatProblem(p))).toEqual([
      'news/a/ru.md:5: related: "ghost" is not a story: use the folder name of an existing story under news/',
    ]);
  });

  it('reports YAML syntax errors with their line', async () => {
    const content = await load({ 'news/a/ru.md': '---\ntitle: X\ndate: [unclosed\n---\nBody\n' });
    expect(content.problems).toHaveLength(1);
    expect(content.problems[0]!.file).toBe('news/a/ru.md');
    expect(content.problems[0]!.code).toBe('yaml.syntax');
    expect(content.problems[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('reports a missing image file, a missing front matter and a bad folder name', async () => {
    const content = await load({
      'news/a/ru.md': md('title: X\ndate: 2020-01-01T00:00:00Z\nsection: politics\nimage:\n  src: missing.jpg\n  alt: Y'),
      'news/b/ru.md': 'Just text',
      'news/Bad_Name/ru.md': md('title: X\ndate: 2020-01-01T00:00:00Z\nsection: politics'),
    });
    expect(content.problems.map((p) => formatProblem(p))).toEqual([
      'news/a/ru.md:6: image.src: "missing.jpg" is not a readable image in news/a/: add the file or correct the name',
      'news/b/ru.md:1: has no front matter: start the file with a line "---", the fields (title, date, section), then "---"',
      'news/Bad_Name: folder name is not a valid slug: rename it to lowercase ASCII letters, digits and single hyphens, like "my-story-2024"',
    ]);
  });

  it('keeps every other story when one is broken', async () => {
    const content = await load({
      'news/good/ru.md': md('title: Good\ndate: 2020-01-01T00:00:00Z\nsection: politics'),
      'news/broken/ru.md': md('title: ""\ndate: 2020-01-01T00:00:00Z\nsection: politics'),
    });
    expect([...content.stories.keys()]).toEqual(['good']);
    expect(content.problems.map((p) => formatProblem(p))).toEqual(['news/broken/ru.md:2: title: must not be empty']);
  });
});
