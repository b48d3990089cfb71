// `npm run bench:archive [-- --quick] [--sizes 100,1000,10000]`: the site at archive scale. For
// each size it generates synthetic stories (bench/generate-content.ts), builds them into their own
// folder, serves the build and prints: build time and peak memory, content load and readiness,
// serving RSS, the first and repeated request of an old story that was not prerendered, the
// Related ranking of every story, a live edit, and the sitemaps (index and children). Baseline: the smallest size.
import { spawn, spawnSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createFileContentLoader } from '../lib/content/fileContentLoader';
import { withoutDraftVersions } from '../lib/content/drafts';
import { isPublic } from '../lib/content/visibility';
import { localeCorpus, rankFor } from '../lib/related/related';
import { stopProcess } from '../scripts/cluster/processes.ts';
import { freePort } from './load';
import { printFigure } from './report';
import { rssMb } from './pages';
import { percentile } from './stats';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, sizes: { type: 'string' } } });
const sizes = (values.sizes ?? (values.quick ? '100,1000' : '100,1000,10000')).split(',').map(Number);
const tsx = path.join('node_modules', 'tsx', 'dist', 'cli.mjs');

/** Runs a command under GNU time: wall seconds and the peak RSS of the largest process. */
function timed(command: string[], env: NodeJS.ProcessEnv): { seconds: number; peakMb: number; ok: boolean; output: string } {
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', 'PEAK_KB %M', ...command], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const peak = Number(/PEAK_KB (\d+)/.exec(run.stderr)?.[1] ?? 0);
  return { seconds: (performance.now() - started) / 1000, peakMb: Math.round(peak / 1024), ok: run.status === 0, output: `${run.stdout}\n${run.stderr}` };
}

async function serve(env: NodeJS.ProcessEnv) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/server.mjs'], { env: { ...env, PORT: String(port), NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const origin = `http://127.0.0.1:${port}`;
  for (;;) {
    const ok = await fetch(`${origin}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (performance.now() - started > 600_000 || child.exitCode !== null) throw new Error(`server did not become ready:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const readySeconds = (performance.now() - started) / 1000;
  const rss = () => rssMb(child.pid);
  // Waits for the exit, so a draining server never shares the cores with the next benchmark.
  const stop = () => stopProcess(child, 'SIGTERM', 15_000);
  return { origin, readySeconds, rss, stop };
}

async function timeGet(url: string): Promise<{ ms: number; cache: string | null; status: number }> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  return { ms: performance.now() - started, cache: response.headers.get('x-nextjs-cache'), status: response.status };
}

let smallestBuild: { size: number; seconds: number } | undefined;
for (const size of sizes) {
  const root = path.join(os.tmpdir(), `bench-archive-${size}`);
  const dist = `.next-bench-${size}`;
  const dataDir = path.join(os.tmpdir(), `bench-archive-${size}-data`);
  await rm(root, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
  spawnSync(process.execPath, [tsx, 'bench/generate-content.ts', '--count', String(size), '--out', root], { stdio: 'inherit' });
  const env = { ...process.env, CONTENT_DIR: root, NEXT_DIST_DIR: dist, DATA_DIR: dataDir, SITE_URL: 'http://localhost:3000', NEXT_TELEMETRY_DISABLED: '1', VIEWS_DB: path.join(dataDir, 'views.db') };

  // Content alone, cold and from the cache a restart finds.
  await rm(dataDir, { recursive: true, force: true });
  let started = performance.now();
  const cold = createFileContentLoader(root, path.join(dataDir, 'cache.json'));
  const content = withoutDraftVersions(await cold.load());
  const coldLoad = (performance.now() - started) / 1000;
  await cold.flush();
  started = performance.now();
  await createFileContentLoader(root, path.join(dataDir, 'cache.json')).load();
  const cachedLoad = (performance.now() - started) / 1000;
  printFigure({ name: `archive.${size}.content.cold`, value: +coldLoad.toFixed(2), unit: 's' });
  printFigure({ name: `archive.${size}.content.cached`, value: +cachedLoad.toFixed(2), unit: 's', target: { atMost: 3 } });

  // Related over public stories only, as the site computes it: the corpus is analysed once per
  // load (incrementally after), and each story is ranked from pre-selected candidates on its
  // first render.
  const visibility = { now: Date.now(), includeDrafts: false };
  const publicStories = [...content.stories.values()].filter((s) => isPublic(s, visibility));
  const inRussian = publicStories.filter((s) => s.versions.ru);
  started = performance.now();
  const corpus = localeCorpus('ru');
  corpus.sync(inRussian);
  printFigure({ name: `archive.${size}.related.corpus`, value: Math.round(performance.now() - started), unit: 'ms', target: { atMost: 2000 } });
  const perStory: number[] = [];
  for (const story of inRussian.slice(0, 200)) {
    const one = performance.now();
    rankFor(story, corpus);
    perStory.push(performance.now() - one);
  }
  printFigure({ name: `archive.${size}.related.per-story.p50`, value: +percentile(perStory, 50).toFixed(2), unit: 'ms' });
  printFigure({ name: `archive.${size}.related.per-story.p99`, value: +percentile(perStory, 99).toFixed(2), unit: 'ms' });

  // Build (content check, next build, fingerprints), from a cold data folder.
  await rm(dataDir, { recursive: true, force: true });
  // next build adds its distDir's types to tsconfig.json: leave the project's file as it was.
  const tsconfig = await readFile('tsconfig.json', 'utf8');
  const build = timed(['npm', 'run', '--silent', 'build'], env);
  await writeFile('tsconfig.json', tsconfig);
  if (!build.ok) {
    console.error(`build of ${size} stories failed:\n${build.output.slice(-4000)}`);
    continue;
  }
  printFigure({ name: `archive.${size}.build.time`, value: +build.seconds.toFixed(1), unit: 's', baseline: smallestBuild && +smallestBuild.seconds.toFixed(1) });
  if (smallestBuild) {
    // The bound: a 10,000-story build takes at most twice as long as the smallest (100 stories).
    const ratio = build.seconds / smallestBuild.seconds;
    printFigure({ name: `archive.${size}.build.ratio`, value: +ratio.toFixed(2), unit: `x`, target: { atMost: 2 } });
  } else {
    smallestBuild = { size, seconds: build.seconds };
  }
  printFigure({ name: `archive.${size}.build.peak`, value: build.peakMb, unit: 'MB', target: { atMost: 2048 } });

  const server = await serve(env);
  printFigure({ name: `archive.${size}.ready`, value: +server.readySeconds.toFixed(2), unit: 's', target: { atMost: 5 } });
  // Old stories are past the prerendered latest 100: rendered on first request, then cached.
  const oldest = publicStories.sort((a, b) => a.published - b.published).slice(0, 20);
  const first = [];
  const repeat = [];
  for (const story of oldest) first.push(await timeGet(`${server.origin}/ru/news/${story.slug}`));
  for (const story of oldest) repeat.push(await timeGet(`${server.origin}/ru/news/${story.slug}`));
  printFigure({ name: `archive.${size}.old-story.first.p50`, value: +percentile(first.map((r) => r.ms), 50).toFixed(1), unit: 'ms', target: { atMost: 150 } });
  printFigure({
    name: `archive.${size}.old-story.repeat.p50`,
    value: +percentile(repeat.map((r) => r.ms), 50).toFixed(1),
    unit: 'ms',
    baseline: +percentile(first.map((r) => r.ms), 50).toFixed(1),
  });
  console.log(`  repeat cache: ${repeat.map((r) => r.cache).join(' ')}`);
  printFigure({ name: `archive.${size}.serving.rss`, value: server.rss(), unit: 'MB', target: { atMost: 600 } });

  // A live edit of one story, from save to the new headline on its page.
  const edited = publicStories.at(-1)!;
  const file = path.join(root, 'news', edited.slug, `${edited.original}.md`);
  const text = await readFile(file, 'utf8');
  const headline = `Edited at ${Date.now()}`;
  await writeFile(file, text.replace(/^title: .*$/m, `title: "${headline}"`));
  started = performance.now();
  for (;;) {
    const html = await (await fetch(`${server.origin}/${edited.original}/news/${edited.slug}`)).text();
    if (html.includes(headline) || performance.now() - started > 30_000) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  printFigure({ name: `archive.${size}.live-edit`, value: Math.round(performance.now() - started), unit: 'ms', target: { atMost: 1000 } });

  // The sitemap as a crawler reads it: the index, then every child sitemap it names.
  started = performance.now();
  const index = await (await fetch(`${server.origin}/sitemap.xml`)).text();
  const indexMs = performance.now() - started;
  const children = [...index.matchAll(/<sitemap>\s*<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const childTimes: number[] = [];
  for (const child of children) {
    const got = await timeGet(server.origin + child);
    if (got.status !== 200) throw new Error(`GET ${child}: HTTP ${got.status}`);
    childTimes.push(got.ms);
  }
  console.log(`  sitemap: index and ${children.length} children (${children.join(', ')})`);
  printFigure({ name: `archive.${size}.sitemap`, value: +(indexMs + childTimes.reduce((a, b) => a + b, 0)).toFixed(0), unit: 'ms' });
  printFigure({ name: `archive.${size}.sitemap.index`, value: +indexMs.toFixed(0), unit: 'ms' });
  printFigure({ name: `archive.${size}.sitemap.largest-child`, value: +Math.max(0, ...childTimes).toFixed(0), unit: 'ms' });
  await server.stop();
  await rm(dist, { recursive: true, force: true });
}
