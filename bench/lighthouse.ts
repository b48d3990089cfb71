// Lighthouse (mobile, its default config: emulated mid-range phone, simulated slow 4G) on the pages
// readers land on: a story, the front page and a section listing, in each language. Prints the
// four category scores and LCP, CLS, TBT against the targets, one fresh Chromium per page.
// Usage: npm run bench:lighthouse [-- --origin URL] [--url /ru/news/slug ...] [--quick]
//        (--quick: Russian pages only; writes bench/results/lighthouse.json and the HTML reports
//        in bench/results/lighthouse/). Without --origin it starts a production server of the
//        existing build. Chromium: CHROME_PATH, CHROMIUM_PATH or Debian's /usr/bin/chromium.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { benchOrigin } from './load';
import { formatFigure, meetsTarget, printFigure, type Figure } from './report';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
// Scores: all 100. LCP: the project's 1.5 s. CLS and TBT: Lighthouse's own "good" thresholds.
const METRICS = [
  { audit: 'largest-contentful-paint', name: 'lcp', unit: 'ms', target: { atMost: 1500 } },
  { audit: 'cumulative-layout-shift', name: 'cls', unit: '', target: { atMost: 0.1 } },
  { audit: 'total-blocking-time', name: 'tbt', unit: 'ms', target: { atMost: 200 } },
] as const;
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'];

interface Page {
  label: string;
  path: string;
}

/** The lead story and first section linked from each front page: real pages, whatever the content. */
async function discoverPages(origin: string, locales: string[]): Promise<Page[]> {
  const pages: Page[] = [];
  for (const locale of locales) {
    const html = await (await fetch(`${origin}/${locale}`)).text();
    const first = (pattern: RegExp) => pattern.exec(html)?.[1];
    const story = first(new RegExp(`href="(/${locale}/news/[^"/?#]+)"`));
    const section = first(new RegExp(`href="(/${locale}/section/[^"/?#]+)"`));
    if (story) pages.push({ label: `${locale} story`, path: story });
    pages.push({ label: `${locale} front`, path: `/${locale}` });
    if (section) pages.push({ label: `${locale} section`, path: section });
    if (!story || !section) console.log(`  /${locale} links to no ${story ? 'section' : 'story'}: that page is left out`);
  }
  return pages;
}

function chromePath(): string | undefined {
  return [process.env.CHROME_PATH, process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((file): file is string => !!file && existsSync(file));
}

interface Audit {
  figures: Array<Omit<Figure, 'name'> & { key: string }>;
  /** Per category below 100: the audits that cost it points, so a miss says what to fix. */
  failing: Record<string, string[]>;
  html: string;
  warnings: string[];
  /** Lighthouse's measure of this host's CPU: simulated TBT and LCP scale with it. */
  benchmarkIndex: number | undefined;
}

async function audit(url: string, chrome: string): Promise<Audit> {
  const browser = await chromeLauncher.launch({ chromePath: chrome, chromeFlags: CHROME_FLAGS });
  try {
    const result = await lighthouse(url, { port: browser.port, output: 'html', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error('lighthouse returned nothing');
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const figures: Audit['figures'] = [];
    const failing: Audit['failing'] = {};
    for (const category of CATEGORIES) {
      const scored = lhr.categories[category];
      figures.push({ key: category, value: Math.round((scored?.score ?? 0) * 100), unit: 'score', target: { atLeast: 100 } });
      const costly = (scored?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0)
        .map((ref) => lhr.audits[ref.id])
        .filter((a) => a && a.score !== null && a.score < 1)
        .map((a) => a!.id);
      if (costly.length > 0) failing[category] = costly;
    }
    for (const metric of METRICS) {
      const value = lhr.audits[metric.audit]?.numericValue ?? Number.NaN;
      figures.push({ key: metric.name, value: metric.unit === 'ms' ? Math.round(value) : +value.toFixed(3), unit: metric.unit, target: metric.target });
    }
    const html = Array.isArray(result.report) ? result.report.join('\n') : result.report;
    return { figures, failing, html, warnings: lhr.runWarnings, benchmarkIndex: lhr.environment?.benchmarkIndex };
  } finally {
    await browser.kill();
  }
}

const slug = (label: string) => label.replace(/\s+/g, '-');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { origin: { type: 'string' }, url: { type: 'string', multiple: true }, quick: { type: 'boolean', default: false } },
  });
  const chrome = chromePath();
  if (!chrome) {
    console.error('bench:lighthouse needs Chromium: apt-get install -y chromium, or set CHROME_PATH.');
    process.exit(1);
  }
  // chrome-launcher reads it too, for any Chromium it starts on its own.
  process.env.CHROME_PATH = chrome;
  const target = await benchOrigin('bench:lighthouse', values.origin);
  const results: Record<string, Record<string, number> | string> = {};
  try {
    const pages = values.url?.length
      ? values.url.map((p) => ({ label: p, path: p }))
      : await discoverPages(target.origin, values.quick ? ['ru'] : ['ru', 'en']);
    console.log(`lighthouse 12 (mobile, simulated throttling), ${pages.length} pages on ${target.origin}, Chromium ${chrome}`);
    await mkdir('bench/results/lighthouse', { recursive: true });
    for (const page of pages) {
      try {
        const { figures, failing, html, warnings, benchmarkIndex } = await audit(target.origin + page.path, chrome);
        const reportFile = `bench/results/lighthouse/${slug(page.label).replace(/[^a-z0-9-]/gi, '_')}.html`;
        await writeFile(reportFile, html);
        // Simulated throttling multiplies the main-thread time measured here by 4: on a slow or busy
        // host, TBT (and LCP after the scripts) come out higher than on the phone it models.
        console.log(`${page.label} (${page.path}), report ${reportFile}, host benchmarkIndex ${benchmarkIndex ?? '?'}`);
        for (const { key, ...figure } of figures) {
          const named = { ...figure, name: `lighthouse.${slug(page.label)}.${key}` };
          console.log(`  ${formatFigure(named)}${meetsTarget(named) ? ' ok' : ''}`);
          printFigure(named);
        }
        for (const [category, audits] of Object.entries(failing)) console.log(`  ${category} lost points on: ${audits.join(', ')}`);
        for (const warning of warnings) console.log(`  lighthouse warning: ${warning}`);
        results[page.label] = Object.fromEntries(figures.map((f) => [f.key, f.value]));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        console.log(`${page.label} (${page.path}): lighthouse failed: ${message}`);
        results[page.label] = `failed: ${message}`;
      }
    }
  } finally {
    target.stop();
  }
  await writeFile(
    'bench/results/lighthouse.json',
    `${JSON.stringify({ date: new Date().toISOString(), machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`, pages: results }, null, 2)}\n`,
  );
  console.log('written to bench/results/lighthouse.json');
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  await main();
  process.exit(0);
}
