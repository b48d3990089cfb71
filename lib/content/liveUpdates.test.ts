import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from './load';
import { formatProblem, problemMessage } from './problems';
import { makeContent, md } from './testing/contentFixture';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(cleanups.map((cleanup) => cleanup()));
});

const STORY = md('title: Ночь\ndate: 2020-11-09T22:00:00+03:00\nsection: politics\nlive: true\nliveEnded: 2020-11-10T20:00:00+03:00');
const update = (time: string, extra = '', body = 'Текст обновления.') => md(`time: ${time}${extra ? `\n${extra}` : ''}`, body);

async function load(files: Record<string, string>) {
  const fixture = await makeContent({ 'news/night/ru.md': STORY, ...files });
  cleanups.push(fixture.cleanup);
  return loadContent(fixture.root);
}

describe('live story updates', () => {
  it('reads updates oldest first, each with the languages it is written in and its flags', async () => {
    const content = await load({
      'news/night/updates/2020-11-10T01-05-signed.ru.md': update('2020-11-10T01:05:00+03:00', 'headline: Подписано\nkeyEvent: true'),
      'news/night/updates/2020-11-10T01-05-signed.en.md': update('2020-11-10T01:05:00+03:00', 'headline: Signed\nkeyEvent: true', 'The update.'),
      'news/night/updates/2020-11-09T22-30-first.ru.md': update('2020-11-09T22:30:00+03:00', 'pinned: true\nauthor: Редакция'),
      // What editors' tools leave beside the files: not updates, not problems.
      'news/night/updates/.2020-11-10T01-05-signed.ru.md.swp': 'swap',
      'news/night/updates/2020-11-10T01-05-signed.ru.md~': 'backup',
      'news/night/updates/.DS_Store': '',
    });
    expect(content.problems.map((p) => formatProblem(p))).toEqual([]);
    const live = content.stories.get('night')!.live!;
    expect(live).toMatchObject({ on: true, ended: '2020-11-10T20:00:00+03:00' });
    expect(live.updates.map((u) => [u.id, Object.keys(u.versions).sort(), u.keyEvent, u.pinned])).toEqual([
      ['first', ['ru'], false, true],
      ['signed', ['en', 'ru'], true, false],
    ]);
    expect(live.updates[1]!.versions.en).toMatchObject({ headline: 'Signed', bodyHtml: '<p>The update.</p>', bodyText: 'The update.' });
  });

  it('names the file, the field and the fix for a bad name, a time the name contradicts, an empty update and languages that disagree', async () => {
    const content = await load({
      'news/night/updates/first.ru.md': update('2020-11-09T22:30:00+03:00'),
      'news/night/updates/2020-11-09T22-30-first.de.md': update('2020-11-09T22:30:00+03:00'),
      'news/night/updates/2020-11-09T22-45-late.ru.md': update('2020-11-09T23:45:00+03:00'),
      'news/night/updates/2020-11-09T23-00-empty.ru.md': update('2020-11-09T23:00:00+03:00', '', ' '),
      'news/night/updates/2020-11-10T00-00-key.ru.md': update('2020-11-10T00:00:00+03:00', 'keyEvent: true'),
      'news/night/updates/2020-11-10T00-00-key.en.md': update('2020-11-10T00:00:00+03:00'),
      'news/night/updates/2020-11-10T00-10-typo.ru.md': update('2020-11-10T00:10:00+03:00', 'keyEvnt: true'),
    });
    expect(content.problems.map((p) => formatProblem(p))).toEqual([
      'news/night/updates/2020-11-09T22-30-first.de.md: is not an update file: name it like 2020-11-10T01-05-statement-signed.ru.md (the local time of the update, a short id of lowercase letters, digits and hyphens, the language: one of ru, en, hy)',
      'news/night/updates/2020-11-09T22-45-late.ru.md:2: time: says 2020-11-09T23:45:00+03:00, but the file name says 2020-11-09T22:45: rename the file or correct time (the name holds the local time, hh-mm)',
      'news/night/updates/2020-11-09T23-00-empty.ru.md: has no text: write the update below the closing "---"',
      'news/night/updates/2020-11-10T00-00-key.ru.md:3: keyEvent: contradicts 2020-11-10T00-00-key.en.md (true here, null there): write it once in one version, or make both the same',
      'news/night/updates/2020-11-10T00-10-typo.ru.md: unknown field "keyEvnt": check the spelling (see docs/editing.md for the fields)',
      'news/night/updates/first.ru.md: is not an update file: name it like 2020-11-10T01-05-statement-signed.ru.md (the local time of the update, a short id of lowercase letters, digits and hyphens, the language: one of ru, en, hy)',
    ]);
    // In the editor's language too.
    expect(problemMessage(content.problems[2]!, 'ru')).toBe('нет текста: напишите обновление под закрывающей строкой "---"');
    // A broken update keeps the story out of this load: the repository serves its last good version.
    expect(content.stories.has('night')).toBe(false);
  });

  it('is an ordinary story without an updates folder or live: true', async () => {
    const fixture = await makeContent({
      'news/plain/ru.md': md('title: T\ndate: 2020-01-01T10:00:00+03:00\nsection: politics'),
      'news/never/ru.md': md('title: T\ndate: 2020-01-01T10:00:00+03:00\nsection: politics\nlive: false'),
    });
    cleanups.push(fixture.cleanup);
    const content = await loadContent(fixture.root);
    expect(content.stories.get('plain')!.live).toBeUndefined();
    expect(content.stories.get('never')!.live).toBeUndefined();
  });
});
