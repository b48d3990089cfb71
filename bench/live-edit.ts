// Time from saving a story file to the new headline in the served HTML, on a production server
// watching a temporary copy of the content; a plain request of the same page is the baseline.
// Needs `npm run build` first. Usage: npm run bench:live  (writes bench/results/live-edit.json)
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startLiveServer } from '../e2e/live-server';
import { printFigure } from './report';
import { percentile } from './stats';

if (!existsSync('.next/BUILD_ID')) {
  console.error('bench:live needs a build: run "npm run build" first.');
  process.exit(1);
}
const ROUNDS = 10;
const server = await startLiveServer(Number(process.env.BENCH_PORT ?? 3298));
const file = path.join(server.root, 'news/russia-azerbaijan-defence-cooperation/ru.md');
const original = await readFile(file, 'utf8');
const url = `${server.origin}/ru/news/russia-azerbaijan-defence-cooperation`;

const baseline: number[] = [];
for (let i = 0; i < 20; i += 1) {
  const started = performance.now();
  await (await fetch(url)).text();
  baseline.push(performance.now() - started);
}
const latencies: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  const headline = `Заголовок правки номер ${round} ${Date.now()}`;
  const started = performance.now();
  await writeFile(file, original.replace(/^title: .*$/m, `title: "${headline}"`));
  for (;;) {
    if ((await (await fetch(url)).text()).includes(headline)) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  latencies.push(performance.now() - started);
}
await server.stop();

const results = {
  date: new Date().toISOString(),
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
  baselinePageMs: { p50: +percentile(baseline, 50).toFixed(1) },
  editToFreshMs: { p50: +percentile(latencies, 50).toFixed(0), max: +Math.max(...latencies).toFixed(0), rounds: ROUNDS },
};
console.log(`live edit benchmark (${results.machine})`);
console.log(`  page request (baseline): p50 ${results.baselinePageMs.p50} ms`);
console.log(`  file saved -> new headline served: p50 ${results.editToFreshMs.p50} ms, max ${results.editToFreshMs.max} ms (${(results.editToFreshMs.p50 / results.baselinePageMs.p50).toFixed(0)}x baseline)`);
printFigure({ name: 'live.page.p50', value: results.baselinePageMs.p50, unit: 'ms' });
printFigure({ name: 'live.edit-to-fresh.p50', value: results.editToFreshMs.p50, unit: 'ms', baseline: results.baselinePageMs.p50 });
printFigure({ name: 'live.edit-to-fresh.max', value: results.editToFreshMs.max, unit: 'ms', baseline: results.baselinePageMs.p50 });
await mkdir('bench/results', { recursive: true });
await writeFile('bench/results/live-edit.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('written to bench/results/live-edit.json');
process.exit(0);
