// Lighthouse (mobile, its default config: emulated mid-range phone, simulated slow 4G) on the pages
// readers land on: a story, the front page and a section listing, in each language. Prints the
// four category scores and LCP, CLS, TBT against the targets, one fresh Chromium per run.
// Each page is audited --runs times (default 5) and every figure is the median of its runs, as
// Lighthouse's own guide to variability advises: on a shared 2-core host one page's blocking time
// can differ threefold between two runs. The baseline of each metric is the same audit of a blank
// page (a heading and a paragraph, no stylesheet, no image) served from this process: what the host
// alone costs under the emulated phone's 4x CPU slowdown. Two more figures per page, from the
// trace: the wall-clock and the thread CPU time of its main-thread tasks of 12.5 ms and more
// (bench/longTasks.ts); TBT is built from the first, the page's own work is the second.
// Usage: npm run bench:lighthouse [-- --origin URL] [--url /ru/news/slug ...] [--runs N] [--quick]
//        (--quick: Russian pages only, one run each; writes bench/results/lighthouse.json and the
//        median run's HTML report per page in bench/results/lighthouse/). Without --origin it
//        starts a production server of the existing build. Chromium: CHROME_PATH, CHROMIUM_PATH or
//        Debian's /usr/bin/chromium.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { benchOrigin } from './load';
import { longTaskTimes, type TraceEvent } from './longTasks';
import { formatFigure, meetsTarget, printFigure, type Figure } from './report';
import { storyPathsIn } from './pages';
import { percentile } from './stats';

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
    const story = storyPathsIn(html, locale)[0];
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
    // Not Lighthouse's: the page's long tasks in the trace, wall-clock against thread CPU time.
    const tasks = longTaskTimes((result.artifacts.Trace?.traceEvents ?? []) as unknown as TraceEvent[]);
    figures.push({ key: 'long-tasks-wall', value: tasks.wallMs, unit: 'ms' }, { key: 'long-tasks-cpu', value: tasks.cpuMs, unit: 'ms' });
    const html = Array.isArray(result.report) ? result.report.join('\n') : result.report;
    return { figures, failing, html, warnings: lhr.runWarnings, benchmarkIndex: lhr.environment?.benchmarkIndex };
  } finally {
    await browser.kill();
  }
}

const slug = (label: string) => label.replace(/\s+/g, '-');

/** Audits of one page: each figure's median over the runs, and the median run's report. */
interface Summary {
  figures: Audit['figures'];
  failing: Audit['failing'];
  html: string;
  /** Per key, every run's value in running order: the spread the median hides. */
  runs: Record<string, number[]>;
  warnings: string[];
  benchmarkIndexes: number[];
}

async function auditRuns(url: string, chrome: string, runs: number): Promise<Summary> {
  const audits: Audit[] = [];
  for (let run = 0; run < runs; run += 1) audits.push(await audit(url, chrome));
  const first = audits[0]!;
  const valuesOf = (key: string) => audits.map((a) => a.figures.find((f) => f.key === key)!.value);
  const figures = first.figures.map((figure) => ({ ...figure, value: percentile(valuesOf(figure.key), 50) }));
  // The report shown is a real run: the one whose performance score is the median.
  const medianScore = percentile(valuesOf('performance'), 50);
  const median = audits.find((a) => a.figures.find((f) => f.key === 'performance')!.value === medianScore) ?? first;
  return {
    figures,
    failing: median.failing,
    html: median.html,
    runs: Object.fromEntries(first.figures.map((figure) => [figure.key, valuesOf(figure.key)])),
    warnings: [...new Set(audits.flatMap((a) => a.warnings))],
    benchmarkIndexes: audits.map((a) => a.benchmarkIndex ?? Number.NaN),
  };
}

const BLANK_PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description" content="Baseline"><title>Baseline</title></head><body><h1>Baseline</h1><p>A heading and a paragraph: what this host costs a page that asks for nothing.</p></body></html>';

/** A blank page on a port of its own, for the baseline audits. */
async function serveBlankPage(): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(BLANK_PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

function printSummary(label: string, path: string, summary: Summary, reportFile: string, baseline?: Summary): void {
  const indexes = summary.benchmarkIndexes.map((index) => Math.round(index)).join(', ');
  console.log(`${label} (${path}), median run's report ${reportFile}, host benchmarkIndex per run ${indexes}`);
  for (const { key, ...figure } of summary.figures) {
    const base = baseline?.figures.find((f) => f.key === key && f.unit !== 'score');
    // The blank page is the baseline, not a page of ours: no target to meet (it has no robots.txt).
    const target = baseline ? figure.target : undefined;
    const named = { ...figure, target, name: `lighthouse.${slug(label)}.${key}`, ...(base ? { baseline: base.value } : {}) };
    const spread = summary.runs[key]!.length > 1 ? ` (runs: ${summary.runs[key]!.join(', ')})` : '';
    console.log(`  ${formatFigure(named)}${meetsTarget(named) ? ' ok' : ''}${spread}`);
    printFigure(named);
  }
  for (const [category, audits] of Object.entries(summary.failing)) console.log(`  ${category} lost points on (median run): ${audits.join(', ')}`);
  for (const warning of summary.warnings) console.log(`  lighthouse warning: ${warning}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      origin: { type: 'string' },
      url: { type: 'string', multiple: true },
      runs: { type: 'string' },
      quick: { type: 'boolean', default: false },
    },
  });
  const runs = Number(values.runs ?? (values.quick ? 1 : 5));
  if (!Number.isInteger(runs) || runs < 1) {
    console.error(`--runs must be a whole number of at least 1, not "${values.runs}".`);
    process.exit(1);
  }
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
    console.log(`lighthouse 12 (mobile, simulated throttling), ${pages.length} pages on ${target.origin}, ${runs} run(s) each, medians; Chromium ${chrome}`);
    await mkdir('bench/results/lighthouse', { recursive: true });
    let baseline: Summary | undefined;
    const blank = await serveBlankPage();
    try {
      baseline = await auditRuns(blank.url, chrome, runs);
      printSummary('blank page', blank.url, baseline, '-');
    } catch (error) {
      console.log(`blank page: lighthouse failed, figures have no baseline: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      blank.close();
    }
    for (const page of pages) {
      try {
        const summary = await auditRuns(target.origin + page.path, chrome, runs);
        const reportFile = `bench/results/lighthouse/${slug(page.label).replace(/[^a-z0-9-]/gi, '_')}.html`;
        await writeFile(reportFile, summary.html);
        // Simulated throttling multiplies the main-thread time measured here by 4: on a slow or busy
        // host, TBT (and LCP after the scripts) come out higher than on the phone it models.
        printSummary(page.label, page.path, summary, reportFile, baseline);
        results[page.label] = Object.fromEntries(summary.figures.map((f) => [f.key, f.value]));
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
    `${JSON.stringify({ date: new Date().toISOString(), machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`, runs, pages: results }, null, 2)}\n`,
  );
  console.log('written to bench/results/lighthouse.json');
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  await main();
  process.exit(0);
}
