import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { freePorts } from '../scripts/cluster/ports.ts';
import { stopProcess } from '../scripts/cluster/processes.ts';
import { SEED } from './helpers';

// A language is data (docs/adding-a-language.md). On a scratch copy of the project, Georgian is
// added with one registry entry, one messages file and one story file, nothing else, and a
// right-to-left language with one entry and one messages file; the copy is built and served.

const BUILD_TIMEOUT_MS = 6 * 60_000;
const KA_TITLE = 'რუსეთი და აზერბაიჯანი თავდაცვით თანამშრომლობას განიხილავენ';
const KA_SITE_NAME = 'სამხრეთ კავკასიის მიმოხილვა';

const georgian = {
  code: 'ka',
  hreflang: 'ka',
  name: 'ქართული',
  ogLocale: 'ka_GE',
  dir: 'ltr',
  intlLocale: 'ka',
  timeZone: 'Asia/Tbilisi',
  fallback: 'en',
  cardFonts: {
    headline: { package: 'noto-sans-georgian', subsets: ['georgian', 'latin'] },
    text: { package: 'noto-sans-georgian', subsets: ['georgian', 'latin'] },
  },
  analyzer: { stemmer: null, stopWords: 'და რომ არ ეს ის' },
};

// Hebrew, written right to left; its card fonts draw only the Latin of its cards.
const hebrew = {
  code: 'he',
  hreflang: 'he',
  name: 'עברית',
  ogLocale: 'he_IL',
  dir: 'rtl',
  intlLocale: 'he',
  timeZone: 'Asia/Jerusalem',
  cardFonts: { headline: { package: 'pt-serif', subsets: ['latin'] }, text: { package: 'pt-sans', subsets: ['latin'] } },
  analyzer: { stemmer: null, stopWords: '' },
};

const GEORGIAN_STORY = `---
title: "${KA_TITLE}"
summary: "აზერბაიჯანის პრეზიდენტი ილჰამ ალიევი შეხვდა რუსეთის თავდაცვის მინისტრს სერგეი შოიგუს, რომელიც ბაქოში მოკლე სამუშაო ვიზიტით ჩავიდა."
author: "პოლიტიკური განყოფილება"
image:
  alt: "ილუსტრაცია: წითელი წრეებისა და ხაზების აბსტრაქტული კომპოზიცია"
  caption: "აზერბაიჯანის პრეზიდენტი ალიევი იღებს რუსეთის თავდაცვის სამინისტროს დელეგაციას."
  credit: "ილუსტრაცია: რედაქცია"
source:
  name: commonspace.eu
  url: https://www.commonspace.eu/
---
კვირა საღამოს აზერბაიჯანის პრეზიდენტი ილჰამ ალიევი შეხვდა რუსეთის თავდაცვის მინისტრს სერგეი შოიგუს, რომელიც ბაქოში რუსეთის თავდაცვის სამინისტროს დელეგაციის სათავეში ჩავიდა.
`;

/** The project's files as a fresh clone has them (tracked, or new and not ignored), into `to`. */
async function copyProject(to: string): Promise<void> {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    await mkdir(path.dirname(path.join(to, file)), { recursive: true });
    await cp(file, path.join(to, file)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error; // deleted in the working tree, not yet committed
    });
  }
  // Hard links: the same installed packages, no second download, no symlink for the bundler to refuse.
  execFileSync('cp', ['-al', 'node_modules', path.join(to, 'node_modules')]);
}

function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output}`))));
  });
}

test.describe('a fourth language by configuration', () => {
  test.describe.configure({ mode: 'serial' });
  let root: string;
  let server: ChildProcess | undefined;
  let origin: string;

  test.beforeAll(async () => {
    test.setTimeout(BUILD_TIMEOUT_MS + 60_000);
    root = await mkdtemp(path.join(tmpdir(), 'fourth-language-'));
    await copyProject(root);
    // 1. One registry entry (and the right-to-left one).
    const registryFile = path.join(root, 'i18n', 'locales.json');
    const registry = JSON.parse(await readFile(registryFile, 'utf8')) as { locales: object[] };
    registry.locales.push(georgian, hebrew);
    await writeFile(registryFile, JSON.stringify(registry, null, 2));
    // 2. A messages file: English's, with the Georgian site name (the translation is not under test).
    const english = JSON.parse(await readFile(path.join(root, 'messages', 'en.json'), 'utf8')) as { Metadata: { siteName: string } };
    await writeFile(path.join(root, 'messages', 'ka.json'), JSON.stringify({ ...english, Metadata: { ...english.Metadata, siteName: KA_SITE_NAME } }, null, 2));
    await writeFile(path.join(root, 'messages', 'he.json'), JSON.stringify(english, null, 2));
    // 3. One story file.
    await writeFile(path.join(root, 'tests', 'fixtures', 'content', 'news', SEED, 'ka.md'), GEORGIAN_STORY);

    const [port] = await freePorts(1);
    origin = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, CONTENT_DIR: 'tests/fixtures/content', NEXT_DIST_DIR: '.next', SITE_URL: origin, NEXT_TELEMETRY_DISABLED: '1' };
    for (const name of ['REDIS_URL', 'DATA_DIR', 'PORT', 'VIEWS_DB']) delete env[name];
    await run('npm', ['run', '--silent', 'build'], { cwd: root, env });
    server = spawn(path.join(root, 'node_modules', '.bin', 'node'), ['scripts/server.mjs'], {
      cwd: root,
      env: { ...env, NODE_ENV: 'production', PORT: String(port), HOSTNAME: '127.0.0.1', DATA_DIR: path.join(root, '.data') },
      stdio: 'ignore',
    });
    await expect.poll(() => fetch(`${origin}/api/health`).then((r) => r.status, () => 0), { timeout: 60_000 }).toBe(200);
  });

  test.afterAll(async () => {
    // Its exit first: a server still writing its DATA_DIR races the removal (ENOTEMPTY).
    if (server) await stopProcess(server, 'SIGTERM', 15_000);
    if (root) await rm(root, { recursive: true, force: true });
  });

  test('Georgian pages serve in Georgian, and the other languages offer them', async () => {
    const front = await fetch(`${origin}/ka`);
    expect(front.status).toBe(200);
    const frontHtml = await front.text();
    expect(frontHtml).toContain('<html lang="ka"');
    expect(frontHtml).toContain(KA_SITE_NAME);

    const story = await fetch(`${origin}/ka/news/${SEED}`);
    expect(story.status).toBe(200);
    const storyHtml = await story.text();
    expect(storyHtml).toContain('<html lang="ka"');
    expect(storyHtml).toContain(`>${KA_TITLE}</h1>`);

    const russian = await (await fetch(`${origin}/ru/news/${SEED}`)).text();
    expect(russian).toMatch(new RegExp(`<link rel="alternate" hrefLang="ka" href="[^"]*/ka/news/${SEED}"`));
    expect(russian).toMatch(/hrefLang="ka" lang="ka"[^>]*>ქართული<\/a>/);
  });

  test('the Georgian card draws the Georgian headline from the bundled font', async () => {
    const card = await fetch(`${origin}/ka/news/${SEED}/opengraph-image`);
    expect(card.status).toBe(200);
    // The headline is all Georgian: were its glyphs dropped, its area would be blank paper.
    const area = await sharp(Buffer.from(await card.arrayBuffer())).extract({ left: 64, top: 120, width: 600, height: 300 }).greyscale().raw().toBuffer();
    const dark = area.filter((value) => value < 128).length / area.length;
    expect(dark).toBeGreaterThan(0.03);
  });

  test('search in Georgian finds the story without a stemmer: lowercase and folding only', async () => {
    // The list of results only (a page without results offers the latest stories instead).
    const results = async (query: string) => {
      const html = await (await fetch(`${origin}/ka/search?q=${encodeURIComponent(query)}`)).text();
      return /<ol[^>]*data-component="search-results"[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
    };
    expect(await results('შოიგუს')).toContain(`href="/ka/news/${SEED}"`);
    // No stemmer: another case of the name (three letters more, no typo of it) is another word.
    expect(await results('შოიგუსთან')).not.toContain(`href="/ka/news/${SEED}"`);
  });

  test('a right-to-left language sets dir on <html> and the layout mirrors', async ({ page }) => {
    await page.goto(`${origin}/he`);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'he');
    const width = page.viewportSize()!.width;
    // The site name starts the header: at the right edge in a right-to-left page, at the left otherwise.
    const rtl = (await page.locator('header a[href="/he"]').boundingBox())!;
    expect(rtl.x + rtl.width).toBeGreaterThan(width / 2);
    await page.goto(`${origin}/en`);
    const ltr = (await page.locator('header a[href="/en"]').boundingBox())!;
    expect(ltr.x).toBeLessThan(width / 2);
  });
});
