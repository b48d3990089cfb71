// A live story at scale: 2,000 updates in one story, on a production server of the build (`npm
// run build` first) serving a copy of the content. Figures:
// - a page of updates rendered (warm code): the first request of each later page `?page=N` is a
//   render, and so is page 1 after each edit of an update (its revalidation); a cached page is
//   the baseline;
// - a poll with nothing new (`…/updates`), answered by the instance itself (no
//   cache in front): what each reader's poll costs where nginx does not answer it;
// - 1,000 readers polling at once, twice each, straight to the instance (the worst case: nginx's
//   5 s micro-cache would answer nearly all of them);
// - 1,000 readers following the story through the shipped setup (deploy/nginx.conf in front of 2
//   instances, `npm run cluster`'s code), each on its own kept-alive connection, polling every
//   20 s as public/live-updates.js does, for a minute while an editor adds an update every 15 s;
//   a reader told of a new update fetches page 1, as the script does; then all of them at once.
// Usage: npm run bench:live-story  (writes bench/results/live-story.json). The nginx phase needs
// nginx and redis-server (apt); without them it is reported as not run.
import { existsSync } from 'node:fs';
import http from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startLiveServer } from '../e2e/live-server';
import { updateFileName } from '../lib/content/updatesFolder';
import { startCluster } from '../scripts/cluster/startCluster.ts';
import { missingTools } from '../scripts/cluster/tools.ts';
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
  return [updateFileName(local, `u${n}`, 'ru'), `---\ntime: ${local}:00+04:00${headline}${flags}\n---\n${body}\n`];
}

/** One GET over `agent` (kept alive): its status, body and milliseconds. */
function get(agent: http.Agent, url: string, headers: http.OutgoingHttpHeaders = {}): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const ms = performance.now() - started;
        const bytes = Buffer.concat(chunks);
        const encoding = response.headers['content-encoding'];
        const body = (encoding === 'br' ? brotliDecompressSync(bytes) : encoding === 'gzip' ? gunzipSync(bytes) : bytes).toString('utf8');
        resolve({ ms, status: response.statusCode ?? 0, body });
      });
      response.on('error', reject);
    });
    request.setTimeout(10_000, () => request.destroy(new Error('timeout')));
    request.on('error', reject);
  });
}

async function timed(url: string): Promise<{ ms: number; status: number; servedBy: string | null }> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status, servedBy: response.headers.get('x-served-by') };
}

const POLL_SECONDS = 20;
const FOLLOW_SECONDS = 60;
const EDIT_EVERY_SECONDS = 15;

interface Timings {
  requests: number;
  errors: number;
  p50: number;
  p99: number;
}
const timings = (ms: number[], errors: number): Timings => ({ requests: ms.length + errors, errors, p50: ms.length ? +percentile(ms, 50).toFixed(1) : NaN, p99: ms.length ? +percentile(ms, 99).toFixed(1) : NaN });

/**
 * 1,000 readers of page 1 through deploy/nginx.conf and 2 instances serving `root`: each polls
 * every POLL_SECONDS on a connection of its own (first polls spread over one interval), while
 * an editor adds an update every EDIT_EVERY_SECONDS; a reader told of one fetches page 1 and
 * polls after it from then on. Then every reader polls at the same moment.
 */
async function followThroughNginx(root: string) {
  const cluster = await startCluster({ instances: 2, contentDir: root, log: () => undefined });
  try {
    const storyUrl = `${cluster.url}/ru/news/${SLUG}`;
    const readers = Array.from({ length: READERS }, () => ({ agent: new http.Agent({ keepAlive: true, maxSockets: 1 }), latest: `u${UPDATES}` }));
    const pollTimes: number[] = [];
    const pageTimes: number[] = [];
    let pollErrors = 0;
    let pageErrors = 0;
    /** What went wrong, once each, printed with the figures. */
    const failures = new Set<string>();
    const poll = async (reader: (typeof readers)[number], into: number[]) => {
      try {
        const answer = await get(reader.agent, `${storyUrl}/updates`, { 'accept-encoding': 'gzip, br', accept: 'application/json' });
        if (answer.status !== 200) {
          failures.add(`poll HTTP ${answer.status}`);
          return void (pollErrors += 1);
        }
        const { recent } = JSON.parse(answer.body) as { recent: string[] };
        into.push(answer.ms);
        // As public/live-updates.js counts: the updates listed above the one the reader shows first.
        const newest = recent[0]!;
        if (newest !== reader.latest) {
          const page = await get(reader.agent, storyUrl, { 'accept-encoding': 'gzip, br', accept: 'text/html' });
          if (page.status !== 200) {
            failures.add(`page 1 HTTP ${page.status}`);
            pageErrors += 1;
          }
          else pageTimes.push(page.ms);
          reader.latest = newest;
        }
      } catch (error) {
        failures.add(`poll ${(error as Error).message}`);
        pollErrors += 1;
      }
    };
    // Warm: the instances have read the story, nginx holds page 1.
    for (let i = 0; i < 50 && (await get(readers[0]!.agent, storyUrl)).status !== 200; i += 1) await new Promise((resolve) => setTimeout(resolve, 200));
    const started = performance.now();
    const ends = started + FOLLOW_SECONDS * 1000;
    let added = 0;
    const editor = setInterval(() => {
      added += 1;
      const [name, text] = updateFile(UPDATES + 100 + added);
      void writeFile(path.join(root, 'news', SLUG, 'updates', name), text);
    }, EDIT_EVERY_SECONDS * 1000);
    await Promise.all(
      readers.map(async (reader, i) => {
        let due = started + (i / READERS) * POLL_SECONDS * 1000;
        while (due < ends) {
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
          await poll(reader, pollTimes);
          due += POLL_SECONDS * 1000;
        }
      }),
    );
    clearInterval(editor);
    const steady = timings(pollTimes, pollErrors);
    const pageFetches = timings(pageTimes, pageErrors);
    pollErrors = 0;
    const atOnceTimes: number[] = [];
    await Promise.all(readers.map((reader) => poll(reader, atOnceTimes)));
    const atOnce = timings(atOnceTimes, pollErrors);
    for (const reader of readers) reader.agent.destroy();
    return { steady, pageFetches, atOnce, updatesAdded: added, failures: [...failures] };
  } finally {
    await cluster.stop();
  }
}

const server = await startLiveServer(Number(process.env.BENCH_PORT ?? 3297));
// Whatever fails below, the server does not outlive this script: left running, it held the port
// and every later run talked to it (a server whose content folder was gone).
process.once('exit', () => {
  if (server.running()) process.kill(server.pid, 'SIGTERM');
});
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
  const givingUp = Date.now() + 30_000;
  for (;;) {
    if (Date.now() > givingUp) throw new Error(`edit ${round} of ${name} not on page 1 after 30 s:\n${server.log().slice(-2_000)}`);
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

// A poll with nothing new, one reader at a time on one kept-alive connection, as a browser asks:
// the round trip on localhost bounds the server's time from above (fetch() adds ~3 ms of its own).
const pollUrl = `${page1}/updates`;
const polls: number[] = [];
const oneReader = new http.Agent({ keepAlive: true, maxSockets: 1 });
for (let i = 0; i < 1_000; i += 1) {
  const result = await get(oneReader, pollUrl, { 'accept-encoding': 'gzip, br' });
  if (result.status !== 200) throw new Error(`poll: ${result.status}`);
  if (i >= 200) polls.push(result.ms);
}
oneReader.destroy();

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
process.kill(server.pid, 'SIGTERM');

const throughNginx = missingTools({ needRedis: true }) ? undefined : await followThroughNginx(server.root);
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
  throughNginx: throughNginx ?? `not run: ${missingTools({ needRedis: true })}`,
};
console.log(`live story benchmark: ${UPDATES} updates (${results.machine})`);
console.log(`  cached page 1 (baseline): p50 ${results.cachedPageMs.p50} ms`);
console.log(`  a later page rendered: p50 ${results.laterPageRenderMs.p50} ms, p99 ${results.laterPageRenderMs.p99} ms`);
console.log(`  page 1 after an edit (render + reload of the story): p50 ${results.page1AfterEditMs.p50} ms, max ${results.page1AfterEditMs.max} ms`);
console.log(`  poll with nothing new: p50 ${results.pollMs.p50} ms, p99 ${results.pollMs.p99} ms (request time on localhost: an upper bound of the server's time)`);
console.log(`  ${READERS} readers polling at once, twice, no cache in front: ${results.burst.requests} requests, ${errors} errors, p99 ${results.burst.p99} ms, ${results.burst.perSecond} req/s`);
if (throughNginx) {
  const { steady, atOnce, pageFetches } = throughNginx;
  console.log(
    `  ${READERS} readers through nginx (2 instances), polling every ${POLL_SECONDS} s for ${FOLLOW_SECONDS} s, ${throughNginx.updatesAdded} updates added: ` +
      `${steady.requests} polls, ${steady.errors} errors, p50 ${steady.p50} ms, p99 ${steady.p99} ms; ${pageFetches.requests} page-1 fetches, ${pageFetches.errors} errors, p99 ${pageFetches.p99} ms`,
  );
  console.log(`  the same ${READERS} readers polling at once through nginx: ${atOnce.errors} errors, p50 ${atOnce.p50} ms, p99 ${atOnce.p99} ms`);
  if (throughNginx.failures.length > 0) console.log(`  failures: ${throughNginx.failures.join('; ')}`);
} else console.log(`  through nginx: not run (${missingTools({ needRedis: true })})`);
printFigure({ name: 'live-story.cached.p50', value: results.cachedPageMs.p50, unit: 'ms' });
printFigure({ name: 'live-story.page-render.p50', value: results.laterPageRenderMs.p50, unit: 'ms', baseline: results.cachedPageMs.p50, target: { atMost: 100 } });
printFigure({ name: 'live-story.page1-after-edit.p50', value: results.page1AfterEditMs.p50, unit: 'ms', baseline: results.cachedPageMs.p50 });
printFigure({ name: 'live-story.poll.p50', value: results.pollMs.p50, unit: 'ms', baseline: results.cachedPageMs.p50, target: { atMost: 2 } });
printFigure({ name: 'live-story.poll-burst.errors', value: errors, unit: 'errors', target: { atMost: 0 } });
printFigure({ name: 'live-story.poll-burst.p99', value: results.burst.p99, unit: 'ms' });
if (throughNginx) {
  printFigure({ name: 'live-story.nginx-readers.errors', value: throughNginx.steady.errors + throughNginx.pageFetches.errors, unit: 'errors', target: { atMost: 0 } });
  printFigure({ name: 'live-story.nginx-readers.poll.p99', value: throughNginx.steady.p99, unit: 'ms', baseline: results.pollMs.p99, target: { atMost: 50 } });
  printFigure({ name: 'live-story.nginx-at-once.p99', value: throughNginx.atOnce.p99, unit: 'ms', baseline: results.burst.p99 });
}
await mkdir('bench/results', { recursive: true });
await writeFile('bench/results/live-story.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('written to bench/results/live-story.json');
process.exit(0);
