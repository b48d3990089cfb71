import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from './load';
import { formatProblem } from './problems';
import { makeContent, md, SECTIONS_YAML } from './testing/contentFixture';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(cleanups.map((c) => c()));
});

const OK = 'title: T\ndate: 2020-01-01T10:00:00+03:00\nsection: politics';

/** One broken fixture per rule: the files, and exactly the problem lines it must print. */
const RULES: Array<[rule: string, files: Record<string, string>, expected: string[], images?: string[]]> = [
  ['YAML syntax', { 'news/s/ru.md': '---\ntitle: "unclosed\ndate: x\n---\nBody\n' }, ['news/s/ru.md:3: YAML syntax: Missing closing "quote (check quotes, colons and indentation; quote text that contains ": ")']],
  ['front matter missing', { 'news/s/ru.md': 'Just a body\n' }, ['news/s/ru.md:1: has no front matter: start the file with a line "---", the fields (title, date, section), then "---"']],
  ['unknown field', { 'news/s/ru.md': md(`${OK}\nsubtitle: x`) }, ['news/s/ru.md: unknown field "subtitle": check the spelling (see docs/editing.md for the fields)']],
  ['empty title', { 'news/s/ru.md': md(OK.replace('title: T', 'title: " "')) }, ['news/s/ru.md:2: title: must not be empty']],
  ['title too long', { 'news/s/ru.md': md(OK.replace('title: T', `title: ${'x'.repeat(201)}`)) }, ['news/s/ru.md:2: title: must be at most 200 characters']],
  ['title not text', { 'news/s/ru.md': md(OK.replace('title: T', 'title: [a, b]')) }, ['news/s/ru.md:2: title: must be text']],
  ['date without offset', { 'news/s/ru.md': md(OK.replace('+03:00', '')) }, ['news/s/ru.md:3: date: must be a date and time with offset, like 2016-08-15T09:00:00+04:00']],
  ['date that does not exist', { 'news/s/ru.md': md(OK.replace('2020-01-01', '2020-02-30')) }, ['news/s/ru.md:3: date: is not a real calendar date']],
  ['unknown section', { 'news/s/ru.md': md(OK.replace('politics', 'sport')) }, ['news/s/ru.md:4: section: "sport" is not in sections.yaml: use one of politics, security or add it there']],
  ['unknown tag', { 'news/s/ru.md': md(`${OK}\ntags: [eu, nope]`) }, ['news/s/ru.md:5: tags: "nope" is not in tags.yaml: use a listed tag or add it there with a name in each language (ru, en, hy)']],
  ['tags not a list', { 'news/s/ru.md': md(`${OK}\ntags: eu`) }, ['news/s/ru.md:5: tags: must be a list, like [armenia, eu]']],
  ['bad tag slug', { 'news/s/ru.md': md(`${OK}\ntags: [Big Tag]`) }, ['news/s/ru.md:5: tags.0: must be lowercase ASCII letters, digits and single hyphens, like "my-story-2024"']],
  ['bad folder name', { 'news/Bad Name/ru.md': md(OK) }, ['news/Bad Name: folder name is not a valid slug: rename it to lowercase ASCII letters, digits and single hyphens, like "my-story-2024"']],
  ['unknown version file', { 'news/s/ru.md': md(OK), 'news/s/de.md': md(OK) }, ['news/s/de.md: is not a known version: name it one of ru.md, en.md, hy.md']],
  ['no story file', { 'news/s/notes.txt': 'x' }, ['news/s: has no story file: add one of ru.md, en.md, hy.md']],
  ['empty body', { 'news/s/ru.md': `---\n${OK}\n---\n\n` }, ['news/s/ru.md: has no text: write the story below the closing "---"']],
  ['date missing', { 'news/s/ru.md': md('title: T\nsection: politics') }, ['news/s/ru.md: date: is required in one version: add a line like "date: 2016-08-15T09:00:00+04:00"']],
  ['contradicting versions', { 'news/s/ru.md': md(OK), 'news/s/en.md': md('title: T\nsection: security') }, ['news/s/en.md:3: section: contradicts ru.md ("security" here, "politics" there): write it once in one version, or make both the same']],
  ['image file missing', { 'news/s/ru.md': md(`${OK}\nimage:\n  src: photo.jpg\n  alt: A`) }, ['news/s/ru.md:6: image.src: "photo.jpg" is not a readable image in news/s/: add the file or correct the name']],
  ['image without a file', { 'news/s/ru.md': md(`${OK}\nimage:\n  alt: A`) }, ['news/s/ru.md:5: image.src: is required in one version: name the photo file in the story folder, like "src: photo.jpg"']],
  ['image not described in a translation', { 'news/s/ru.md': md(`${OK}\nimage:\n  src: photo.jpg\n  alt: A`), 'news/s/en.md': md('title: T') }, ['news/s/en.md: image.alt: the story has a photo: describe it in this language with image.alt (and caption)'], ['news/s/photo.jpg']],
  ['image file name', { 'news/s/ru.md': md(`${OK}\nimage:\n  src: ../secret.md\n  alt: A`) }, ['news/s/ru.md:6: image.src: must be a file name in the story folder, like photo.jpg']],
  ['image not a group', { 'news/s/ru.md': md(`${OK}\nimage: photo.jpg`) }, ['news/s/ru.md:5: image: must be a group of fields (src, alt, caption, credit), each on its own indented line']],
  ['related story missing', { 'news/s/ru.md': md(`${OK}\nrelated: [ghost]`) }, ['news/s/ru.md:5: related: "ghost" is not a story: use the folder name of an existing story under news/']],
  ['related to itself', { 'news/s/ru.md': md(`${OK}\nrelated: [s]`) }, ['news/s/ru.md:5: related: lists the story itself: remove it']],
  ['updated before date', { 'news/s/ru.md': md(`${OK}\nupdated: 2019-01-01T00:00:00Z`) }, ['news/s/ru.md: updated: is before date: an update comes after publication']],
  ['source not a web address', { 'news/s/ru.md': md(`${OK}\nsource:\n  name: X\n  url: javascript:alert(1)`) }, ['news/s/ru.md:7: source.url: must start with https:// or http://']],
  ['editorsChoice zero', { 'news/s/ru.md': md(`${OK}\neditorsChoice: 0`) }, ['news/s/ru.md:5: editorsChoice: must be true or a whole number from 1 (1 is shown first)']],
  ['draft not true or false', { 'news/s/ru.md': md(`${OK}\ndraft: yes`) }, ['news/s/ru.md:5: draft: must be true or false']],
  ['sections.yaml broken, reported once', { 'sections.yaml': 'politics: [oops', 'news/s/ru.md': md(OK) }, ['sections.yaml: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ] (check quotes, colons and indentation; quote text that contains ": ")']],
  ['tag without a Russian name', { 'tags.yaml': 'eu: { en: EU, hy: ԵՄ }\n', 'news/s/ru.md': md(OK) }, ['tags.yaml: eu.ru: needs a name in ru and may have one in each other language (en, hy), nothing else, like "politics: { ru: …, en: …, hy: … }"']],
  ['tag with a name in no language of the site', { 'tags.yaml': 'eu: { ru: ЕС, de: EU }\n', 'news/s/ru.md': md(OK) }, ['tags.yaml: eu: needs a name in ru and may have one in each other language (en, hy), nothing else, like "politics: { ru: …, en: …, hy: … }"']],
];

describe('content:check rules', () => {
  for (const [rule, files, expected, images] of RULES) {
    it(`reports: ${rule}`, async () => {
      const fixture = await makeContent(files, images);
      cleanups.push(fixture.cleanup);
      const { problems } = await loadContent(fixture.root);
      const lines = problems.map((p) => formatProblem(p));
      expect(lines).toEqual(expected);
      // Every message has a Russian wording for editors with LANG=ru_*: same place, Russian text.
      for (const problem of problems) {
        const russian = formatProblem(problem, 'ru');
        expect(russian).not.toBe(formatProblem(problem, 'en'));
        expect(russian).toMatch(/[а-яё]{3}/);
      }
    });
  }

  it('words a missing field in Russian too (title, image.alt)', async () => {
    const fixture = await makeContent(
      { 'news/s/ru.md': md('date: 2020-01-01T10:00:00+03:00\nsection: politics\nimage:\n  src: photo.jpg') },
      ['news/s/photo.jpg'],
    );
    cleanups.push(fixture.cleanup);
    const { problems } = await loadContent(fixture.root);
    expect(problems.map((p) => formatProblem(p, 'ru'))).toEqual([
      'news/s/ru.md: title: обязательное поле: добавьте его',
      'news/s/ru.md:4: image.alt: обязательное поле: добавьте его',
    ]);
  });

  it('lists every problem of every file, not just the first', async () => {
    const fixture = await makeContent({
      'sections.yaml': SECTIONS_YAML,
      'news/a/ru.md': md(OK.replace('politics', 'sport')),
      'news/b/ru.md': md(`${OK}\ntags: eu\ndraft: yes`),
      'news/c/en.md': 'no front matter',
    });
    cleanups.push(fixture.cleanup);
    const { problems } = await loadContent(fixture.root);
    expect(problems.map((p) => p.file)).toEqual(['news/a/ru.md', 'news/b/ru.md', 'news/b/ru.md', 'news/c/en.md']);
  });
});
