// `npm run new-story -- <slug> [--locale <code>]` (a code of i18n/locales.json): creates content/news/<slug>/<locale>.md with a
// valid front matter template and today's date (or, for a translation, the date of the version
// already there, which it must share), ready to edit. Refuses to overwrite anything.
import { mkdir, readFile, writeFile, access } from 'node:fs/promises';
import path from 'node:path';
import { routing, isLocale } from '../i18n/routing';
import { contentRoot } from '../lib/content/root';
import { SLUG_PATTERN } from '../lib/content/schema';
import { localNow } from './localTime';

function fail(message: string): never {
  console.error(`new-story: ${message}`);
  console.error(`usage: npm run new-story -- <slug> [--locale ${routing.locales.join('|')}]`);
  process.exit(2);
}

const TEMPLATES = {
  ru: (date: string) => `---
title: "Заголовок материала"
date: ${date}
section: politics
summary: "Одно-два предложения: о чём материал."
tags: []
author: "Редакция"
draft: true
# Фото: положите файл в эту папку и раскомментируйте
# image:
#   src: photo.jpg
#   alt: "Что изображено на фото"
#   caption: "Подпись к фото"
#   credit: "Фото: автор"
# source:
#   name: commonspace.eu
#   url: https://www.commonspace.eu/
---
Первый абзац материала.

Второй абзац. Когда материал готов, уберите строку draft: true.
`,
  en: (date: string) => `---
title: "Headline of the story"
date: ${date}
section: politics
summary: "One or two sentences: what the story is about."
tags: []
author: "Newsroom"
draft: true
# Photo: put the file in this folder and uncomment
# image:
#   src: photo.jpg
#   alt: "What the photo shows"
#   caption: "Photo caption"
#   credit: "Photo: author"
# source:
#   name: commonspace.eu
#   url: https://www.commonspace.eu/
---
First paragraph of the story.

Second paragraph. When the story is ready, remove the line draft: true.
`,
  hy: (date: string) => `---
title: "Նյութի վերնագիրը"
date: ${date}
section: politics
summary: "Մեկ-երկու նախադասություն՝ ինչի մասին է նյութը։"
tags: []
author: "Խմբագրություն"
draft: true
# Լուսանկար՝ դրեք ֆայլը այս թղթապանակում և հանեք մեկնաբանությունը
# image:
#   src: photo.jpg
#   alt: "Ինչ է պատկերված լուսանկարում"
#   caption: "Լուսանկարի մակագրություն"
#   credit: "Լուսանկարը՝ հեղինակ"
# source:
#   name: commonspace.eu
#   url: https://www.commonspace.eu/
---
Նյութի առաջին պարբերությունը։

Երկրորդ պարբերությունը։ Երբ նյութը պատրաստ է, հեռացրեք draft: true տողը։
`,
};

const args = process.argv.slice(2);
const slug = args.find((arg) => !arg.startsWith('--') && args[args.indexOf(arg) - 1] !== '--locale');
const localeIndex = args.indexOf('--locale');
const locale = localeIndex >= 0 ? args[localeIndex + 1] : routing.defaultLocale;
if (!slug) fail('give the story a slug');
if (!SLUG_PATTERN.test(slug) || slug.length > 120) fail(`"${slug}" is not a valid slug: use lowercase ASCII letters, digits and single hyphens, like "my-story-2024"`);
if (!locale || !isLocale(locale)) fail(`--locale must be ${routing.locales.join(' or ')}`);

const file = path.join(contentRoot(), 'news', slug, `${locale}.md`);
if (await access(file).then(() => true, () => false)) fail(`${path.relative(process.cwd(), file)} already exists`);
/** The date of a version already in the folder: every version of a story has the same one. */
async function siblingDate(folder: string): Promise<string | undefined> {
  for (const other of routing.locales.filter((l) => l !== locale)) {
    const text = await readFile(path.join(folder, `${other}.md`), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    const date = text && /^date:[ \t]*(.+?)[ \t]*$/m.exec(text)?.[1];
    if (date) return date;
  }
  return undefined;
}

await mkdir(path.dirname(file), { recursive: true });
// A language without a template of its own gets the English one.
await writeFile(file, (TEMPLATES[locale as keyof typeof TEMPLATES] ?? TEMPLATES.en)((await siblingDate(path.dirname(file))) ?? localNow()), { flag: 'wx' });
console.log(`created ${path.relative(process.cwd(), file)} (a draft: remove "draft: true" to publish)`);
console.log('check it with: npm run content:check');
