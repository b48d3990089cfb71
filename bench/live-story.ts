// A live story at scale: 2,000 updates in one story, on a production server of the build (`npm
// run build` first) serving a copy of the content. Figures:
// - a page of updates rendered (warm code): the first request of each later page `?page=N` is a
//   render, and so is page 1 after each edit of an update (its revalidation); a cached page is
//   the baseline;
// - a poll with nothing new (`…/updates?after={latest}`), answered by the instance itself (no
//   cache in front): what each reader's poll costs where nginx does not answer it;
// - 1,000 readers polling at once, twice each, straight to the instance (the worst case: nginx's
//   5 s micro-cache would answer nearly all of them).
// Usage: npm run bench:live-story  (writes bench/results/live-story.json)
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startLiveServer } from '../e2e/live-server';
import { printFigure } from './report';
import { percentile } from './stats';

if (!existsSync('.next/BUILD_ID')) {
  console.error('bench:live-story needs a build: run "npm run build" first.');
  process.exit(1);
}

const UPDATES = 2_000;
const SLUG = 'bench-live-story';
const READERS = 1_000;
const START = Date.parse('2026-03-01T08:00:00Z');

/** Update n of the story, n minutes after START, in Russian, as an editor writes it (+04:00). */
function updateFile(n: number, suffix = ''): [string, string] {
  const local = new Date(START + n * 60_000 + 4 * 3_600_000).toISOString().slice(0, 16);
  const flags = n % 97 === 0 ? '\nkeyEvent: true' : n === 10 ? '\npinned: true' : '';
  const headline = n % 5 === 0 ? `\nheadline: "Обновление ${n}"` : '';
  const body = `Текст обновления ${n}${suffix}: переговоры продолжаются, стороны обмениваются предложениями. Делегации обсуждают порядок следующих встреч и состав рабочих групп.\n\nВторой абзац обновления ${n}.`;
  return [`${local.slice(0, 13)}-${local.slice(14, 16)}-u${n}.ru.md`, `---\ntime: ${local}:00+04:00${headline}${flags}\n---\n${body}\n`];
}

async function timed(url: string): Promise<{ ms: number; status: number; servedBy: string | null }> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status, servedBy: response.headers.get('x-served-by') };
}

const server = await startLiveServer(Number(process.env.BENCH_PORT ?? 3297));
const folder = path.join(server.root, 'news', SLUG);
await mkdir(path.join(folder, 'updates'), { recursive: true });
await writeFile(path.join(folder, 'ru.md'), '---\ntitle: "Переговоры: онлайн"\ndate: 2026-03-01T12:00:00+04:00\nsection: diplomacy\nlive: true\n---\nЧто известно к этому часу.\n');
for (let n = 1; n <= UPDATES; n += 1) {
  const [name, text] = updateFile(n);
  await writeFile(path.join(folder, 'updates', name), text);
}
const page1 = `${server.origin}/ru/news/${SLUG}`;
// The new story reaches the server through its watcher.
for (let i = 0; (await fetch(page1)).status !== 200; i += 1) {
  if (i > 300) throw new Error(`${page1} never answered 200`);
  await new Promise((resolve) => setTimeout(resolve, 100));
}
for (let i = 0; i < 5; i += 1) await timed(page1);

// Cached page 1: the baseline.
const cached: number[] = [];
for (let i = 0; i < 30; i += 1) cached.push((await timed(page1)).ms);

// Later pages, each rendered on its first request.
const pageRenders: number[] = [];
for (let page = 2; page <= 41; page += 1) {
  const result = await timed(`${page1}?page=${page}`);
  if (result.status !== 200 || result.servedBy !== 'render') throw new Error(`page ${page}: ${result.status} ${result.servedBy}`);
  pageRenders.push(result.ms);
}

// Page 1 after an edit of its newest update: the revalidation makes the next request render it.
const page1Renders: number[] = [];
for (let round = 0; round < 10; round += 1) {
  const [name, text] = updateFile(UPDATES, ` (правка ${round})`);
  await writeFile(path.join(folder, 'updates', name), text);
  for (;;) {
    const started = performance.now();
    const response = await fetch(page1);
    const html = await response.text();
    if (html.includes(`(правка ${round})`)) {
      page1Renders.push(performance.now() - started);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// A poll with nothing new, one reader at a time.
const latest = `u${UPDATES}`;
const pollUrl = `${page1}/updates?after=${latest}`;
const polls: number[] = [];
for (let i = 0; i < 200; i += 1) {
  const result = await timed(pollUrl);
  if (result.status !== 200) throw new Error(`poll: ${result.status}`);
  polls.push(result.ms);
}

// 1,000 readers polling at once, twice.
let errors = 0;
const burst: number[] = [];
const burstStarted = performance.now();
for (let wave = 0; wave < 2; wave += 1) {
  await Promise.all(
    Array.from({ length: READERS }, async () => {
      try {
        const result = await timed(pollUrl);
        if (result.status !== 200) errors += 1;
        burst.push(result.ms);
      } catch {
        errors += 1;
      }
    }),
  );
}
const burstSeconds = (performance.now() - burstStarted) / 1000;
await server.stop();

const results = {
  date: new Date().toISOString(),
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
  updates: UPDATES,
  cachedPageMs: { p50: +percentile(cached, 50).toFixed(1) },
  laterPageRenderMs: { p50: +percentile(pageRenders, 50).toFixed(1), p99: +percentile(pageRenders, 99).toFixed(1) },
  page1AfterEditMs: { p50: +percentile(page1Renders, 50).toFixed(1), max: +Math.max(...page1Renders).toFixed(1) },
  pollMs: { p50: +percentile(polls, 50).toFixed(2), p99: +percentile(polls, 99).toFixed(2) },
  burst: { readers: READERS, requests: burst.length + errors, errors, p99: +percentile(burst, 99).toFixed(1), perSecond: Math.round((burst.length + errors) / burstSeconds) },
};
console.log(`live story benchmark: ${UPDATES} updates (${results.machine})`);
console.log(`  cached page 1 (baseline): p50 ${results.cachedPageMs.p50} ms`);
console.log(`  a later page rendered: p50 ${results.laterPageRenderMs.p50} ms, p99 ${results.laterPageRenderMs.p99} ms`);
console.log(`  page 1 after an edit (render + reload of the story): p50 ${results.page1AfterEditMs.p50} ms, max ${results.page1AfterEditMs.max} ms`);
console.log(`  poll with nothing new: p50 ${results.pollMs.p50} ms, p99 ${results.pollMs.p99} ms (request time on localhost: an upper bound of the server's time)`);
console.log(`  ${READERS} readers polling at once, twice, no cache in front: ${results.burst.requests} requests, ${errors} errors, p99 ${results.burst.p99} ms, ${results.burst.perSecond} req/s`);
printFigure({ name: 'live-story.cached.p50', value: results.cachedPageMs.p50, unit: 'ms' });
printFigure({ name: 'live-story.page-render.p50', value: results.laterPageRenderMs.p50, unit: 'ms', baseline: results.cachedPageMs.p50, target: { atMost: 100 } });
printFigure({ name: 'live-story.page1-after-edit.p50', value: results.page1AfterEditMs.p50, unit: 'ms', baseline: results.cachedPageMs.p50 });
printFigure({ name: 'live-story.poll.p50', value: results.pollMs.p50, unit: 'ms', baseline: results.cachedPageMs.p50, target: { atMost: 2 } });
printFigure({ name: 'live-story.poll-burst.errors', value: errors, unit: 'errors', target: { atMost: 0 } });
printFigure({ name: 'live-story.poll-burst.p99', value: results.burst.p99, unit: 'ms', target: { atMost: 50 } });
await mkdir('bench/results', { recursive: true });
await writeFile('bench/results/live-story.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('written to bench/results/live-story.json');
process.exit(0);
