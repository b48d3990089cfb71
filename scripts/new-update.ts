// `npm run new-update -- <slug> [--locale <code>] [--id <id>]`: adds an update to a live story,
// content/news/<slug>/updates/<local time>-<id>.<locale>.md, dated now (a translation of an update
// already there, the same id in another language, gets its time), ready to edit. Saved, it
// is on the live page within the site's live-edit figure. Refuses to overwrite anything.
import { access, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isLocale, routing } from '../i18n/routing';
import { UPDATES_FOLDER, updateFileName } from '../lib/content/updatesFolder';
import { contentRoot } from '../lib/content/root';
import { SLUG_PATTERN } from '../lib/content/schema';
import { localNow } from './localTime';

function fail(message: string): never {
  console.error(`new-update: ${message}`);
  console.error(`usage: npm run new-update -- <slug> [--locale ${routing.locales.join('|')}] [--id <id>]`);
  process.exit(2);
}

const TEMPLATES: Record<string, string> = {
  ru: `headline: "Заголовок обновления (можно убрать)"
author: "Редакция"
---
Текст обновления: один-три коротких абзаца.
`,
  en: `headline: "Headline of the update (optional)"
author: "Newsroom"
---
The update: one to three short paragraphs.
`,
  hy: `headline: "Թարմացման վերնագիրը (կարելի է հեռացնել)"
author: "Խմբագրություն"
---
Թարմացման տեքստը՝ մեկից երեք կարճ պարբերություն։
`,
};

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const slug = args.find((arg, i) => !arg.startsWith('--') && !['--locale', '--id'].includes(args[i - 1] ?? ''));
const locale = option('--locale') ?? routing.defaultLocale;
// A default id from the time: unique unless two updates are started in the same second.
const id = option('--id') ?? `update-${localNow().slice(11, 19).replaceAll(':', '')}`;
if (!slug) fail('name the live story: its folder under news/');
if (!SLUG_PATTERN.test(slug)) fail(`"${slug}" is not a story folder name`);
if (!isLocale(locale)) fail(`--locale must be ${routing.locales.join(' or ')}`);
if (!SLUG_PATTERN.test(id)) fail(`--id "${id}" must be lowercase ASCII letters, digits and single hyphens, like "talks-resume"`);

const story = path.join(contentRoot(), 'news', slug);
if (!(await access(story).then(() => true, () => false))) fail(`there is no story ${path.relative(process.cwd(), story)}: create it with npm run new-story first, with live: true`);
const folder = path.join(story, UPDATES_FOLDER);
/** The time of this update in another language, which a translation must share. */
async function siblingTime(): Promise<string | undefined> {
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith('.md') && n.slice(17).startsWith(`${id}.`))) {
    const time = /^time:[ \t]*(.+?)[ \t]*$/m.exec(await readFile(path.join(folder, name), 'utf8'))?.[1];
    if (time) return time;
  }
  return undefined;
}
const now = (await siblingTime()) ?? localNow();
// The name holds the local time (hh-mm), so the folder lists updates in order.
const file = path.join(folder, updateFileName(now, id, locale));
await mkdir(path.dirname(file), { recursive: true });
await writeFile(file, `---\ntime: ${now}\n${TEMPLATES[locale] ?? TEMPLATES.en}`, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
  if (error.code === 'EEXIST') fail(`${path.relative(process.cwd(), file)} already exists: give another --id`);
  throw error;
});
console.log(`created ${path.relative(process.cwd(), file)}`);
console.log('mark it keyEvent: true or pinned: true if it is one; check it with: npm run content:check');
