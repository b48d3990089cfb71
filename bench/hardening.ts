// `npm run bench:hardening [-- --quick]`: the site under crawl and under attack (docs/security.md).
// 1. flood: 1,500 view beacons from 1,500 IPv6 /64s of one /48 on one story, and six real readers
//    on another, through the beacon handler and a SQLite store with the network budgets
//    (lib/views/readerBudgets.ts); baseline: the same flood without the budgets.
// 2. storm: the shipped setup (deploy/nginx.conf, 2 instances of the `.next` build, nothing encoded
//    or drawn yet): 100 cold cards and photo variants asked at once, while a reader reads story
//    pages and searches; baseline: the reader alone, just before.
// 3. crawl: a generated 10,000-story archive (1,000 with --quick) behind the same setup: a crawler
//    reads story pages 32 at a time and fetches every photo URL and card each one links, while a
//    reader reads story pages; baseline: the reader alone, just before.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { handleBeacon } from '../lib/views/beacon';
import { withReaderBudgets } from '../lib/views/readerBudgets';
import { openSqliteStore } from '../lib/views/sqliteStore';
import type { ViewsStore } from '../lib/views/store';
import { startCluster, type Cluster } from '../scripts/cluster/startCluster.ts';
import { missingTools } from '../scripts/cluster/tools.ts';
import { classify, discoverTargets, pathsIn } from './load';
import { printFigure } from './report';
import { percentile } from './stats';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const quick = values.quick || Boolean(process.env.BENCH_QUICK);
const ARCHIVE_SIZE = quick ? 1_000 : 10_000;
const CRAWLED_STORIES = quick ? 40 : 150;
const CRAWLER_CONNECTIONS = 32;
const STORM_SIZE = 100;
const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const tsx = path.join('node_modules', 'tsx', 'dist', 'cli.mjs');

// ---------------------------------------------------------------------------------------------
// 1. The /48 flood.

async function flood(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-flood-'));
  const now = new Date();
  const day = now.toISOString().slice(0, 10);
  const origin = 'https://news.example.org';
  const beacon = (slug: string, address: string) =>
    new Request(`${origin}/api/views`, {
      method: 'POST',
      body: JSON.stringify({ slug, locale: 'ru' }),
      headers: { 'content-type': 'application/json', 'user-agent': BROWSER_UA, 'x-peer-address': address, origin },
    });
  const real = ['198.51.100.7', '203.0.113.9', '192.0.2.44', '2001:db8:1:1::5', '2001:db8:2:7::9', '2a00:1450:4001:81b::200e'];
  const run = async (budgets: boolean) => {
    const opened = await openSqliteStore(path.join(dir, `${budgets ? 'with' : 'without'}.db`), { now: () => now.getTime() });
    const store: ViewsStore = budgets ? withReaderBudgets(opened) : opened;
    const context = { store: async () => store, storyExists: async () => true, now: () => now, siteOrigin: origin, deadlineMs: 1000 };
    const latencies: number[] = [];
    for (const address of real) await handleBeacon(beacon('real', address), context);
    for (let n = 0; n < 1_500; n += 1) {
      const started = performance.now();
      await handleBeacon(beacon('flood', `2001:db8:bad:${n.toString(16)}::1`), context);
      latencies.push(performance.now() - started);
    }
    const counts = Object.fromEntries((await store.top([day], 5)).map(({ slug, views }) => [slug, views]));
    await store.close();
    return { flooded: counts.flood ?? 0, real: counts.real ?? 0, p99: percentile(latencies, 99) };
  };
  const without = await run(false);
  const withBudgets = await run(true);
  await rm(dir, { recursive: true, force: true });
  console.log(`flood: 1,500 readers of one /48 count as ${withBudgets.flooded} (${without.flooded} without the budgets), 6 real readers as ${withBudgets.real}; beacon p99 ${withBudgets.p99.toFixed(2)} ms`);
  printFigure({ name: 'hardening.flood.counted', value: withBudgets.flooded, unit: 'readers', baseline: without.flooded, target: { atMost: 4 } });
  printFigure({ name: 'hardening.flood.real-readers', value: withBudgets.real, unit: 'readers', target: { atLeast: 6 } });
  printFigure({ name: 'hardening.flood.beacon.p99', value: +withBudgets.p99.toFixed(2), unit: 'ms', baseline: +without.p99.toFixed(2) });
}

// ---------------------------------------------------------------------------------------------
// A reader beside the storm or the crawl: story pages, and a search every fifth request.

interface Answer {
  path: string;
  status: number;
  ms: number;
  standIn?: string;
}

async function get(url: string): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(url, { headers: { 'user-agent': BROWSER_UA, 'accept-encoding': 'gzip, br' }, signal: AbortSignal.timeout(30_000) });
    await response.arrayBuffer();
    const standIn = response.headers.get('x-media-stand-in') ?? response.headers.get('x-card-stand-in') ?? undefined;
    return { path: url, status: response.status, ms: performance.now() - started, standIn };
  } catch {
    return { path: url, status: 0, ms: performance.now() - started };
  }
}

function reader(origin: string, stories: string[]) {
  const answers: Answer[] = [];
  let reading = true;
  const done = (async () => {
    for (let i = 0; reading; i += 1) {
      const target = i % 5 === 4 ? `/ru/search?q=${encodeURIComponent(['газ', 'выборы', 'Ереван', 'нефть'][i % 4]!)}` : stories[i % stories.length]!;
      answers.push(await get(origin + target));
    }
  })();
  return {
    stop: async () => {
      reading = false;
      await done;
      return answers;
    },
  };
}

const readerFigures = (answers: Answer[]) => ({
  errors: answers.filter((answer) => answer.status !== 200).length,
  p99: percentile(answers.map((answer) => answer.ms), 99),
  count: answers.length,
});

/** The reader alone for `ms`, after reading each of its pages once (an old story's first request renders it). */
async function readerAlone(origin: string, stories: string[], ms: number) {
  for (const story of stories) await get(origin + story);
  const alone = reader(origin, stories);
  await new Promise((resolve) => setTimeout(resolve, ms));
  return readerFigures(await alone.stop());
}

// ---------------------------------------------------------------------------------------------
// 2. The storm of cold cards and photos.

async function storm(cluster: Cluster): Promise<void> {
  const targets = await discoverTargets(cluster.url);
  const stories = targets.byClass.story;
  const images = [...targets.byClass.card, ...targets.byClass.photo.filter((photo) => photo.includes('&w='))];
  const burst = Array.from({ length: STORM_SIZE }, (_, i) => images[i % images.length]!);
  const alone = await readerAlone(cluster.url, stories, 5_000);
  const beside = reader(cluster.url, stories);
  const answers = await Promise.all(burst.map((target) => get(cluster.url + target)));
  const during = readerFigures(await beside.stop());
  const failed = answers.filter((answer) => answer.status !== 200);
  const standIns = answers.filter((answer) => answer.standIn).length;
  console.log(
    `storm: ${STORM_SIZE} cold cards and photos at once (${images.length} distinct): ${answers.length - failed.length} answered 200 (${standIns} stand-ins), ${failed.length} not (${[...new Set(failed.map((a) => a.status))].join(', ') || 'none'}); ` +
      `the reader beside it: ${during.count} requests, ${during.errors} errors, p99 ${during.p99.toFixed(0)} ms (alone ${alone.p99.toFixed(0)} ms)`,
  );
  printFigure({ name: 'hardening.storm.errors', value: failed.length, unit: 'requests', target: { atMost: 0 } });
  printFigure({ name: 'hardening.storm.stand-ins', value: standIns, unit: 'requests' });
  printFigure({ name: 'hardening.storm.reader.errors', value: during.errors, unit: 'requests', target: { atMost: 0 } });
  printFigure({ name: 'hardening.storm.reader.p99', value: Math.round(during.p99), unit: 'ms', baseline: Math.round(alone.p99) });
}

// ---------------------------------------------------------------------------------------------
// 3. The crawl of a large archive.

async function archiveBuild(): Promise<{ root: string; dist: string }> {
  const root = path.join(os.tmpdir(), `bench-archive-${ARCHIVE_SIZE}`);
  const dist = `.next-bench-hardening-${ARCHIVE_SIZE}`;
  if (!existsSync(path.join(root, 'news'))) {
    spawnSync(process.execPath, [tsx, 'bench/generate-content.ts', '--count', String(ARCHIVE_SIZE), '--out', root], { stdio: 'inherit' });
  }
  // next build adds its distDir's types to tsconfig.json: leave the project's file as it was.
  const tsconfig = await readFile('tsconfig.json', 'utf8');
  const build = spawnSync('npm', ['run', '--silent', 'build'], {
    env: { ...process.env, CONTENT_DIR: root, NEXT_DIST_DIR: dist, NEXT_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  await writeFile('tsconfig.json', tsconfig);
  if (build.status !== 0) throw new Error(`the build of ${ARCHIVE_SIZE} stories failed:\n${`${build.stdout}\n${build.stderr}`.slice(-4000)}`);
  return { root, dist };
}

async function crawl(cluster: Cluster): Promise<void> {
  const { byClass } = await discoverTargets(cluster.url);
  const stories = byClass.story;
  const step = Math.max(1, Math.floor(stories.length / CRAWLED_STORIES));
  const crawled = stories.filter((_, i) => i % step === 0).slice(0, CRAWLED_STORIES);
  const readerStories = stories.filter((_, i) => i % step === 1);
  const alone = await readerAlone(cluster.url, readerStories, 10_000);
  const beside = reader(cluster.url, readerStories);
  const seen = new Set<string>();
  const pages: Answer[] = [];
  const images: Answer[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CRAWLER_CONNECTIONS }, async () => {
      while (next < crawled.length) {
        const page = crawled[next++]!;
        const response = await fetch(cluster.url + page, { headers: { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1)' } }).catch(() => undefined);
        const html = response ? await response.text() : '';
        pages.push({ path: page, status: response?.status ?? 0, ms: 0 });
        for (const found of pathsIn(html, cluster.url)) {
          const kind = classify(found);
          if ((kind !== 'photo' && kind !== 'card') || seen.has(found)) continue;
          seen.add(found);
          images.push(await get(cluster.url + found));
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const during = readerFigures(await beside.stop());
  const answers = [...pages, ...images];
  const failed = answers.filter((answer) => answer.status !== 200);
  const standIns = images.filter((answer) => answer.standIn).length;
  console.log(
    `crawl of ${ARCHIVE_SIZE.toLocaleString('en')} stories: ${pages.length} story pages and ${images.length} photos and cards in ${seconds.toFixed(0)} s, ${CRAWLER_CONNECTIONS} at a time: ${failed.length} not 200 (${[...new Set(failed.map((a) => a.status))].join(', ') || 'none'}), ${standIns} stand-ins; ` +
      `the reader beside it: ${during.count} requests, ${during.errors} errors, p99 ${during.p99.toFixed(0)} ms (alone ${alone.p99.toFixed(0)} ms)`,
  );
  printFigure({ name: `hardening.crawl.${ARCHIVE_SIZE}.requests`, value: answers.length, unit: 'requests' });
  printFigure({ name: `hardening.crawl.${ARCHIVE_SIZE}.errors`, value: failed.length, unit: 'requests', target: { atMost: 0 } });
  printFigure({ name: `hardening.crawl.${ARCHIVE_SIZE}.stand-ins`, value: standIns, unit: 'requests' });
  printFigure({ name: `hardening.crawl.${ARCHIVE_SIZE}.reader.errors`, value: during.errors, unit: 'requests', target: { atMost: 0 } });
  printFigure({ name: `hardening.crawl.${ARCHIVE_SIZE}.reader.p99`, value: Math.round(during.p99), unit: 'ms', baseline: Math.round(alone.p99) });
}

// ---------------------------------------------------------------------------------------------

async function withCluster(dist: string, contentDir: string, work: (cluster: Cluster) => Promise<void>): Promise<void> {
  const cluster = await startCluster({ instances: 2, dist, contentDir, log: (line: string) => (/^\[(\d+|nginx)\] /.test(line) ? undefined : console.log(`  ${line}`)) });
  try {
    await work(cluster);
  } finally {
    await cluster.stop();
  }
}

async function main(): Promise<void> {
  await flood();
  const missing = missingTools();
  if (missing) {
    console.log(`bench:hardening: storm and crawl skipped: ${missing}`);
    return;
  }
  if (!existsSync(path.join('.next', 'BUILD_ID'))) {
    console.error('bench:hardening needs a build of content/ (.next/BUILD_ID is missing): run "npm run build" first.');
    process.exit(1);
  }
  // Cold photos and cards, as after a deploy of new stories: nothing is encoded ahead.
  process.env.ENCODE_AHEAD_STORIES = '0';
  await withCluster('.next', process.env.CONTENT_DIR ?? 'content', storm);
  const { root, dist } = await archiveBuild();
  try {
    await withCluster(dist, root, crawl);
  } finally {
    await rm(dist, { recursive: true, force: true });
  }
}

await main();
