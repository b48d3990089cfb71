// The two page-cache designs for several instances, side by side (docs/operations.md):
//   memory: each instance keeps Next's page cache in its own memory (the default);
//   redis:  PAGE_CACHE=redis, one page cache in Redis shared by every instance.
// For each: a cluster of 2 instances on a copy of the content (its own Redis), then
//   - first request on a cold instance: instance 1 has served every page; instance 2 has served
//     none; p50/p99 of instance 2's first request of each page (its own render or the build's
//     prerender for memory, Redis for redis);
//   - consistency window: a story's headline edited on disk, both instances polled directly
//     every 25 ms; the time until both serve it;
//   - memory: each instance's RSS once both have served every page, and Redis's used memory.
// Usage: npm run bench:page-cache [-- --pages N] (needs a build: .next or NEXT_DIST_DIR, plus nginx
// and redis-server, as bench:cluster).
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Redis from 'ioredis';
import { startCluster, type Cluster } from '../scripts/cluster/startCluster.ts';
import { missingTools } from '../scripts/cluster/tools.ts';
import { discoverTargets, PAGE_CLASSES } from './load';
import { printFigure } from './report';
import { rssMb } from './pages';
import { percentile } from './stats';

type Design = 'memory' | 'redis';
const BROWSER = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36', 'accept-encoding': 'br' };

async function timedGet(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: BROWSER, signal: AbortSignal.timeout(30_000) }).catch((error: Error) => {
    throw new Error(`${url}: ${error.message}`);
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  return performance.now() - started;
}

/** Sequentially: what one cold reader after another meets, without the instances competing. */
async function visitAll(origin: string, pages: string[]): Promise<number[]> {
  const times: number[] = [];
  for (const page of pages) times.push(await timedGet(origin + page));
  return times;
}

async function firstStory(contentDir: string): Promise<{ slug: string; file: string }> {
  for (const slug of (await readdir(path.join(contentDir, 'news'))).sort()) {
    const file = path.join(contentDir, 'news', slug, 'en.md');
    if (existsSync(file) && /^title: ".+"$/m.test(await readFile(file, 'utf8'))) return { slug, file };
  }
  throw new Error('no English story with a quoted title to edit');
}

async function consistencyMs(cluster: Cluster, contentDir: string): Promise<number> {
  const { slug, file } = await firstStory(contentDir);
  const original = await readFile(file, 'utf8');
  const headline = `Page cache bench ${Date.now()}`;
  const edited = performance.now();
  await writeFile(file, original.replace(/^title: ".+"$/m, `title: "${headline}"`));
  const seen = await Promise.all(
    cluster.instances.map(async (instance) => {
      for (;;) {
        const response = await fetch(`${instance.origin}/en/news/${slug}`, { headers: BROWSER });
        const html = await response.text();
        if (html.includes(`>${headline}</h1>`)) return performance.now() - edited;
        if (performance.now() - edited > 30_000) {
          const shown = /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];
          const cache = ['x-nextjs-cache', 'cache-control', 'age'].map((name) => `${name}: ${response.headers.get(name)}`).join(', ');
          throw new Error(`instance ${instance.index} never showed the edit: after 30 s it answered ${response.status} with the headline "${shown}" (${cache})`);
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }),
  );
  return Math.round(Math.max(...seen));
}

async function measure(design: Design, dist: string, sourceContent: string, pageLimit: number) {
  const contentDir = await mkdtemp(path.join(tmpdir(), `page-cache-${design}-`));
  await cp(sourceContent, contentDir, { recursive: true });
  if (design === 'redis') process.env.PAGE_CACHE = 'redis';
  else delete process.env.PAGE_CACHE;
  const cluster = await startCluster({ instances: 2, dist, contentDir, cache: false, log: () => {} });
  try {
    const targets = await discoverTargets(cluster.instances[0]!.origin);
    const pages = PAGE_CLASSES.flatMap((c) => targets.byClass[c]).slice(0, pageLimit);
    await visitAll(cluster.instances[0]!.origin, pages);
    const cold = await visitAll(cluster.instances[1]!.origin, pages);
    const warm = await visitAll(cluster.instances[1]!.origin, pages);
    await visitAll(cluster.instances[0]!.origin, pages);
    const rss = cluster.instances.map((instance) => rssMb(instance.pid));
    let redisMb: number | undefined;
    const redis = new Redis(cluster.env.REDIS_URL, { lazyConnect: true });
    try {
      await redis.connect();
      redisMb = Math.round(Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? 0) / 1024 / 1024);
    } finally {
      redis.disconnect();
    }
    const windowMs = await consistencyMs(cluster, contentDir);
    return {
      design,
      pages: pages.length,
      coldP50: Math.round(percentile(cold, 50)),
      coldP99: Math.round(percentile(cold, 99)),
      warmP50: Math.round(percentile(warm, 50)),
      rss,
      redisMb,
      windowMs,
    };
  } finally {
    await cluster.stop();
    delete process.env.PAGE_CACHE;
    await rm(contentDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { pages: { type: 'string', default: '400' }, quick: { type: 'boolean', default: false } } });
  const dist = process.env.NEXT_DIST_DIR ?? '.next';
  if (!existsSync(path.join(dist, 'BUILD_ID'))) {
    console.error(`bench:page-cache needs a build (${dist}/BUILD_ID is missing): run "npm run build" first.`);
    process.exit(1);
  }
  const missing = missingTools();
  if (missing) {
    console.log(`bench:page-cache skipped: ${missing}`);
    return;
  }
  const content = process.env.CONTENT_DIR ?? 'content';
  const pageLimit = Number(values.quick ? 60 : values.pages);
  console.log(`page cache designs: 2 instances of ${dist}/ on a copy of ${content}, up to ${pageLimit} pages`);
  const results = [];
  for (const design of ['memory', 'redis'] as const) {
    const r = await measure(design, dist, content, pageLimit);
    results.push(r);
    console.log(
      `  ${design}: ${r.pages} pages; cold instance first request p50 ${r.coldP50} ms, p99 ${r.coldP99} ms (then ${r.warmP50} ms); ` +
        `RSS ${r.rss.join(' + ')} MB; Redis ${r.redisMb} MB; edit visible on both after ${r.windowMs} ms`,
    );
  }
  const [memory, redis] = results as [Awaited<ReturnType<typeof measure>>, Awaited<ReturnType<typeof measure>>];
  printFigure({ name: 'page-cache.redis.cold-first-request.p50', value: redis.coldP50, unit: 'ms', baseline: memory.coldP50 });
  printFigure({ name: 'page-cache.redis.cold-first-request.p99', value: redis.coldP99, unit: 'ms', baseline: memory.coldP99 });
  printFigure({ name: 'page-cache.redis.warm.p50', value: redis.warmP50, unit: 'ms', baseline: memory.warmP50 });
  printFigure({ name: 'page-cache.redis.rss-per-instance', value: Math.max(...redis.rss), unit: 'MB', baseline: Math.max(...memory.rss) });
  printFigure({ name: 'page-cache.redis.redis-used', value: redis.redisMb ?? 0, unit: 'MB', baseline: memory.redisMb ?? 0 });
  printFigure({ name: 'page-cache.redis.consistency-window', value: redis.windowMs, unit: 'ms', baseline: memory.windowMs });
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  await main();
}
