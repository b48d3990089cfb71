// OG card render time over HTTP against the production build: cold (the first request of each
// card, which renders it) and warm (repeat requests, served from the card cache), p50 and p99,
// with a static file from the same server as the baseline. Needs `npm run build` first.
// Usage: npm run bench:og  (writes bench/results/og.json)
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startProductionServer } from '../e2e/productionServer';
import { routing } from '../i18n/routing';
import { loadContent } from '../lib/content/load';
import { contentRoot } from '../lib/content/root';
import { printFigure } from './report';
import { percentile } from './stats';

if (!existsSync('.next/BUILD_ID')) {
  console.error('bench:og needs a build: run "npm run build" first.');
  process.exit(1);
}
// A data folder of its own: cards drawn before are kept on disk (lib/og/cardCache.ts), and a cold
// card must be drawn, not read back from an earlier run.
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-og-'));
const server = await startProductionServer(Number(process.env.BENCH_PORT ?? 3297), { DATA_DIR: dataDir, VIEWS_DB: path.join(dataDir, 'views.db'), ENCODE_AHEAD_STORIES: '0' });
const { origin } = server;

async function timed(path: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(origin + path);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return performance.now() - started;
}
const stats = (values: number[]) => ({ p50: +percentile(values, 50).toFixed(1), p99: +percentile(values, 99).toFixed(1), n: values.length });

const { stories } = await loadContent(contentRoot());
const cards = routing.locales.flatMap((locale) => [...stories.keys()].map((slug) => `/${locale}/news/${slug}/opengraph-image`));
const baseline = [];
for (let i = 0; i < 200; i += 1) baseline.push(await timed('/icon.svg'));
const cold = [];
for (const card of cards) cold.push(await timed(card));
const warm = [];
for (let round = 0; round < 5; round += 1) for (const card of cards) warm.push(await timed(card));
server.stop();
await rm(dataDir, { recursive: true, force: true });

const results = {
  date: new Date().toISOString(),
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
  baselineStaticFileMs: stats(baseline),
  coldRenderMs: stats(cold),
  warmCachedMs: stats(warm),
};
const ratio = (value: number) => (value / results.baselineStaticFileMs.p50).toFixed(1);
console.log(`OG card benchmark (${results.machine}), ${cards.length} cards`);
console.log(`  static file (baseline): p50 ${results.baselineStaticFileMs.p50} ms, p99 ${results.baselineStaticFileMs.p99} ms`);
console.log(`  cold (first render):    p50 ${results.coldRenderMs.p50} ms, p99 ${results.coldRenderMs.p99} ms  (${ratio(results.coldRenderMs.p50)}x baseline p50)`);
console.log(`  warm (from cache):      p50 ${results.warmCachedMs.p50} ms, p99 ${results.warmCachedMs.p99} ms  (${ratio(results.warmCachedMs.p50)}x baseline p50)`);
const baselineMs = results.baselineStaticFileMs;
printFigure({ name: 'og.static.p50', value: baselineMs.p50, unit: 'ms' });
for (const [name, measured] of [['cold', results.coldRenderMs], ['warm', results.warmCachedMs]] as const) {
  printFigure({ name: `og.${name}.p50`, value: measured.p50, unit: 'ms', baseline: baselineMs.p50 });
  printFigure({ name: `og.${name}.p99`, value: measured.p99, unit: 'ms', baseline: baselineMs.p99 });
}
await mkdir('bench/results', { recursive: true });
await writeFile('bench/results/og.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('written to bench/results/og.json');
process.exit(0);
