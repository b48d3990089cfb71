// Several instances behind nginx (the cluster of `npm run cluster`, scripts/cluster/startCluster.ts)
// under mixed reading traffic: failed requests while (i) an instance is SIGKILLed and comes back,
// (ii) every instance restarts in turn (SIGTERM, start, healthy), (iii) Redis is away for 10 s (and
// whether counting resumes after); requests/s through nginx of 2 instances against 1, with
// nginx's micro-cache off and on; and bench/load.ts's load (100 connections, after a warm-up that
// opens them) through the shipped setup: 2 instances, micro-cache on.
// Usage: npm run bench:cluster [-- --quick] [--duration S] [--connections N] [--fault-connections N]
//        (writes bench/results/cluster.json). Throughput: `duration` split over the 4 settings,
//        32 connections; faults: 4 connections, each for as long as the fault takes; the shipped
//        setup's load: `duration` at 100 connections after a 10 s warm-up.
// Needs a build (.next, or NEXT_DIST_DIR) plus nginx and redis-server; starts and stops its own
// cluster (its own Redis, whatever REDIS_URL says: it stops that Redis on purpose).
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Redis from 'ioredis';
import { dayKey } from '../lib/views/days';
import { startCluster, type Cluster } from '../scripts/cluster/startCluster.ts';
import { missingTools } from '../scripts/cluster/tools.ts';
import { connectionPool, discoverTargets, drive, PAGE_CLASSES, ROUTE_CLASSES, type PhaseResult, type Request, type RouteClass } from './load';
import { printFigure } from './report';
import { percentile } from './stats';

/** bench/load.ts's mix without beacons: nginx's beacon limit (5/s per address) would answer 503s. */
const READING_MIX: Record<RouteClass, number> = { story: 30, front: 10, section: 7, tag: 6, archive: 4, feed: 5, card: 10, photo: 18, beacon: 0 };
const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const REDIS_AWAY_MS = 10_000;
const LOAD_CONNECTIONS = 100;
const LOAD_WARMUP_SECONDS = 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Traffic around a fault: loops of GETs from 1 s before it until 2 s after it is over.

interface FaultResult {
  seconds: number;
  requests: number;
  /** Answered with an error status, or no answer at all. */
  failed: number;
  /** "story HTTP 502", "card ECONNREFUSED", "front TimeoutError"… and how often. */
  failures: Record<string, number>;
  /**
   * Answered 200 but cut off mid-body: nginx had passed on the status and part of a response the
   * instance was still writing when it died (or ended a drain at SHUTDOWN_GRACE_MS). Nothing can
   * retry those.
   */
  cutShort: number;
  /** Which kind of page was cut, and how ("card TypeError"). */
  cuts: Record<string, number>;
  /** Milliseconds of each page (story, front, section, tag, archive) answered with a status under 400. */
  pageLatencies: number[];
}

const PAGE_ROUTES = new Set<RouteClass>(PAGE_CLASSES);

async function trafficDuring(origin: string, next: () => Request, connections: number, fault: () => Promise<void>): Promise<FaultResult> {
  let running = true;
  let requests = 0;
  let cutShort = 0;
  const failures: Record<string, number> = {};
  const cuts: Record<string, number> = {};
  const pageLatencies: number[] = [];
  const started = performance.now();
  const loops = Array.from({ length: connections }, async () => {
    while (running) {
      const request = next();
      const sent = performance.now();
      const fail = (kind: string) => (failures[`${request.routeClass} ${kind}`] = (failures[`${request.routeClass} ${kind}`] ?? 0) + 1);
      requests += 1;
      let response: Response;
      try {
        response = await fetch(origin + request.path, { headers: { 'user-agent': BROWSER_UA }, signal: AbortSignal.timeout(10_000) });
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause;
        fail(cause?.code ?? (error as Error).name);
        // A refused connection fails at once: do not spin.
        await sleep(50);
        continue;
      }
      if (response.status >= 400) fail(`HTTP ${response.status}`);
      const whole = await response.arrayBuffer().then(
        () => true,
        (error: Error) => {
          cutShort += 1;
          const kind = `${request.routeClass} ${error.name}: ${error.message}`;
          cuts[kind] = (cuts[kind] ?? 0) + 1;
          return false;
        },
      );
      if (whole && response.status < 400 && PAGE_ROUTES.has(request.routeClass)) pageLatencies.push(performance.now() - sent);
    }
  });
  await sleep(1_000);
  await fault();
  await sleep(2_000);
  running = false;
  await Promise.all(loops);
  const failed = Object.values(failures).reduce((a, b) => a + b, 0);
  return { seconds: (performance.now() - started) / 1000, requests, failed, failures, cutShort, cuts, pageLatencies };
}

/** A fault's result for the JSON file: the page latencies as percentiles, not every sample. */
function summarize({ pageLatencies, ...rest }: FaultResult) {
  return { ...rest, pages: pageLatencies.length, pageP50Ms: Math.round(percentile(pageLatencies, 50)), pageP99Ms: Math.round(percentile(pageLatencies, 99)) };
}

function describeFault(name: string, result: FaultResult): void {
  const kinds = Object.entries(result.failures).map(([kind, n]) => `${kind} × ${n}`).join(', ');
  const cuts = Object.entries(result.cuts).map(([kind, n]) => `${kind} × ${n}`).join(', ');
  const cut = result.cutShort > 0 ? `; ${result.cutShort} cut short mid-body (${cuts})` : '';
  console.log(`  ${name}: ${result.failed} failed of ${result.requests} requests in ${result.seconds.toFixed(1)} s${kinds ? ` (${kinds})` : ''}${cut}`);
}

/**
 * Asks every instance directly for every discovered page, so each has rendered and cached them
 * all before anything is measured (a cold instance renders each social card once, at about a
 * second each). Pages that fail on a healthy cluster are left out (and printed): those are bugs
 * of their own, and left in they would be counted against every fault. Changes `byClass` in
 * place, which the picker made afterwards reads.
 */
async function warmAndCheck(cluster: Cluster, byClass: Record<RouteClass, string[]>): Promise<void> {
  const broken = new Map<string, string>();
  for (const instance of cluster.instances) {
    const paths = ROUTE_CLASSES.filter((c) => c !== 'beacon').flatMap((c) => byClass[c]);
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let target = paths.shift(); target !== undefined; target = paths.shift()) {
          const ok = await fetch(instance.origin + target, { headers: { 'user-agent': BROWSER_UA }, signal: AbortSignal.timeout(10_000) }).then(
            async (response) => (await response.arrayBuffer(), response.status < 400 || `HTTP ${response.status}`),
            (error: Error) => error.name,
          );
          if (ok !== true) broken.set(target, ok);
        }
      }),
    );
  }
  for (const routeClass of ROUTE_CLASSES) byClass[routeClass] = byClass[routeClass].filter((target) => !broken.has(target));
  if (broken.size > 0) console.log(`  left out, failing with no fault at all: ${[...broken].map(([target, why]) => `${target} (${why})`).join(', ')}`);
}

// ---------------------------------------------------------------------------------------------
// The faults.

/** (i) SIGKILL one instance; 3 s later start it again and wait until nginx sends it readers again. */
async function killOne(cluster: Cluster): Promise<void> {
  const victim = cluster.instances[0]!;
  victim.kill();
  await sleep(3_000);
  victim.start();
  await victim.waitHealthy();
  await sleep(cluster.settleMs);
}

/** Whether /api/health of every instance says the views store is ok; polled up to `timeoutMs`. */
async function viewsOkEverywhere(cluster: Cluster, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const states = await Promise.all(
      cluster.instances.map((instance) =>
        fetch(`${instance.origin}/api/health`).then(
          async (response) => ((await response.json()) as { views?: { state?: string } }).views?.state,
          () => undefined,
        ),
      ),
    );
    if (states.every((state) => state === 'ok')) return true;
    await sleep(200);
  }
  return false;
}

/**
 * After Redis is back: beacons through nginx, from new readers, are counted in Redis again. An
 * instance that still takes the store for down answers at once and tries it every 3 s in the
 * background (lib/views/resilience.ts), so a beacon is sent every 200 ms for up to 10 s.
 */
async function beaconCounted(cluster: Cluster, beacon: string): Promise<boolean> {
  const { slug } = JSON.parse(beacon) as { slug: string };
  const redis = new Redis(cluster.env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    for (let i = 0; i < 50; i += 1) {
      const response = await fetch(`${cluster.url}/api/views`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': BROWSER_UA, 'x-forwarded-for': `203.0.${i}.${1 + Math.floor(Math.random() * 250)}` },
        body: beacon,
      });
      if (response.status !== 204) return false;
      if (Number(await redis.zscore(`news:views:${dayKey(new Date())}`, slug)) >= 1) return true;
      await sleep(200);
    }
    return false;
  } finally {
    redis.disconnect();
  }
}

// ---------------------------------------------------------------------------------------------
// Throughput: 1 and 2 instances, nginx's cache off and on.

async function throughput(cluster: Cluster, next: () => Request, connections: number, seconds: number, instances: number, cache: boolean) {
  await cluster.configureNginx({ upstreams: cluster.instances.slice(0, instances), cache });
  // Sockets, nginx's cache and each instance's page cache warm up first.
  const pool = connectionPool(connections);
  let result: PhaseResult;
  try {
    await drive(cluster.url, next, pool, Math.min(3, seconds / 3), Math.min(3, seconds / 3) / 2);
    result = await drive(cluster.url, next, pool, seconds);
  } finally {
    pool.destroy();
  }
  const ok = [...result.byClass.values()].reduce((sum, r) => sum + r.latencies.length, 0);
  const errors = [...result.byClass.values()].reduce((sum, r) => sum + [...r.errors.values()].reduce((a, b) => a + b, 0), 0);
  const rps = Math.round(ok / result.seconds);
  console.log(`  ${instances} instance${instances === 1 ? '' : 's'}, cache ${cache ? 'on ' : 'off'}: ${rps} ok req/s, ${errors} errors`);
  return { rps, errors };
}

/** The issue's targets for nginx as shipped are zero errors and story p99 ≤ 50 ms under this load. */
async function shippedSetupLoad(cluster: Cluster, next: () => Request, seconds: number) {
  await cluster.configureNginx({ upstreams: cluster.instances, cache: true });
  const pool = connectionPool(LOAD_CONNECTIONS);
  let result: PhaseResult;
  try {
    await drive(cluster.url, next, pool, LOAD_WARMUP_SECONDS, LOAD_WARMUP_SECONDS / 2);
    result = await drive(cluster.url, next, pool, seconds);
  } finally {
    pool.destroy();
  }
  const ok = [...result.byClass.values()].reduce((sum, r) => sum + r.latencies.length, 0);
  const errors: Record<string, number> = {};
  for (const [routeClass, r] of result.byClass) for (const [kind, n] of r.errors) errors[`${routeClass} ${kind}`] = n;
  const story = result.byClass.get('story')?.latencies ?? [];
  return {
    rps: Math.round(ok / result.seconds),
    errors: Object.values(errors).reduce((a, b) => a + b, 0),
    failures: errors,
    opened: result.opened,
    storyP50: +percentile(story, 50).toFixed(1),
    storyP99: +percentile(story, 99).toFixed(1),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      duration: { type: 'string' },
      connections: { type: 'string', default: '32' },
      // Light, like a quiet hour: on a small machine a restarting instance (Next's start-up takes
      // a core for seconds) and full load together time requests out whatever nginx does.
      'fault-connections': { type: 'string', default: '4' },
    },
  });
  const duration = Number(values.duration ?? (values.quick || process.env.BENCH_QUICK ? 15 : 60));
  const connections = Number(values.connections);
  const faultConnections = Number(values['fault-connections']);
  if (!(duration > 0 && [connections, faultConnections].every((n) => Number.isInteger(n) && n > 0))) {
    console.error('usage: npm run bench:cluster -- [--quick] [--duration S] [--connections N] [--fault-connections N]');
    process.exit(2);
  }
  const dist = process.env.NEXT_DIST_DIR ?? '.next';
  if (!existsSync(path.join(dist, 'BUILD_ID'))) {
    console.error(`bench:cluster needs a build (${dist}/BUILD_ID is missing): run "npm run build" first.`);
    process.exit(1);
  }
  const missing = missingTools();
  if (missing) {
    console.log(`bench:cluster skipped: ${missing}`);
    return;
  }

  // The instances' own output is kept for a failure, not shown: the fault lines say what happened.
  const childLines: string[] = [];
  const log = (line: string) => {
    if (/^\[(\d+|nginx)\] /.test(line)) {
      childLines.push(line);
      if (childLines.length > 200) childLines.shift();
    } else console.log(`  ${line}`);
  };
  console.log(`cluster benchmark: 2 instances of ${dist}/ behind nginx, ${connections} connections, throughput ${duration / 4} s per setting`);
  const cluster = await startCluster({ instances: 2, dist, contentDir: process.env.CONTENT_DIR ?? 'content', cache: false, log });
  const stop = async () => {
    await cluster.stop();
    process.exit(130);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const targets = await discoverTargets(cluster.url);
    await warmAndCheck(cluster, targets.byClass);
    const next = targets.picker(READING_MIX);

    console.log('throughput through nginx (mixed reading traffic):');
    const seconds = duration / 4;
    const off1 = await throughput(cluster, next, connections, seconds, 1, false);
    const off2 = await throughput(cluster, next, connections, seconds, 2, false);
    const on1 = await throughput(cluster, next, connections, seconds, 1, true);
    const on2 = await throughput(cluster, next, connections, seconds, 2, true);
    console.log(`  2 instances ÷ 1: ${(off2.rps / off1.rps).toFixed(2)} with the cache off, ${(on2.rps / on1.rps).toFixed(2)} with it on`);
    const shipped = await shippedSetupLoad(cluster, next, duration);
    const failures = Object.entries(shipped.failures).map(([kind, n]) => `${kind} × ${n}`).join('; ');
    console.log(`the shipped setup (2 instances, cache on), ${LOAD_CONNECTIONS} connections, ${duration} s after a ${LOAD_WARMUP_SECONDS} s warm-up: ${shipped.rps} ok req/s, story p50 ${shipped.storyP50} ms, p99 ${shipped.storyP99} ms, ${shipped.errors} errors${failures ? ` (${failures})` : ''}, ${shipped.opened} connections opened while measuring`);

    // Faults with the cache off: every request reaches an instance, the harder case.
    await cluster.configureNginx({ upstreams: cluster.instances, cache: false });
    console.log(`faults (2 instances, cache off, ${faultConnections} connections, traffic from 1 s before to 2 s after):`);
    const killed = await trafficDuring(cluster.url, next, faultConnections, () => killOne(cluster));
    describeFault('instance 1 SIGKILLed, started again 3 s later', killed);
    const rolling = await trafficDuring(cluster.url, next, faultConnections, () => cluster.rollingRestart());
    describeFault('rolling restart of every instance', rolling);
    // The same traffic for as long with nothing wrong: the p99 a Redis outage is held against.
    const calm = await trafficDuring(cluster.url, next, faultConnections, async () => {
      await sleep(REDIS_AWAY_MS);
    });
    let redisBackAt = 0;
    const redisAway = await trafficDuring(cluster.url, next, faultConnections, async () => {
      await cluster.redis!.stop();
      await sleep(REDIS_AWAY_MS);
      await cluster.redis!.start();
      redisBackAt = performance.now();
    });
    describeFault(`Redis stopped for ${REDIS_AWAY_MS / 1000} s`, redisAway);
    const viewsOk = await viewsOkEverywhere(cluster, 15_000);
    const viewsOkSeconds = (performance.now() - redisBackAt) / 1000;
    const counted = viewsOk && (await beaconCounted(cluster, targets.byClass.beacon[0]!));
    console.log(`  after Redis came back: health views ${viewsOk ? `ok on every instance ${viewsOkSeconds.toFixed(1)} s later` : 'still degraded after 15 s'}, a new beacon ${counted ? 'counted' : 'NOT counted'}`);

    printFigure({ name: 'cluster.kill.failed', value: killed.failed, unit: 'requests', target: { atMost: 0 } });
    // A kill cuts at most the responses being written at that instant; a drain should cut none
    // (it ends once the requests in flight are answered, well within SHUTDOWN_GRACE_MS).
    printFigure({ name: 'cluster.kill.cutShort', value: killed.cutShort, unit: 'requests' });
    printFigure({ name: 'cluster.rolling.cutShort', value: rolling.cutShort, unit: 'requests', target: { atMost: 0 } });
    printFigure({ name: 'cluster.rolling.failed', value: rolling.failed, unit: 'requests', target: { atMost: 0 } });
    printFigure({ name: 'cluster.redis.failed', value: redisAway.failed, unit: 'requests', target: { atMost: 0 } });
    const calmP99 = percentile(calm.pageLatencies, 99);
    const redisP99 = percentile(redisAway.pageLatencies, 99);
    console.log(`  page p99: ${redisP99.toFixed(0)} ms while Redis was away, ${calmP99.toFixed(0)} ms in as long without a fault (${redisAway.pageLatencies.length} and ${calm.pageLatencies.length} pages)`);
    printFigure({ name: 'cluster.redis.page-p99', value: Math.round(redisP99), unit: 'ms', baseline: Math.round(calmP99) });
    printFigure({ name: 'cluster.redis.page-p99-rise', value: Math.round(redisP99 - calmP99), unit: 'ms', target: { atMost: 50 } });
    printFigure({ name: 'cluster.redis.counting', value: counted ? 1 : 0, unit: '', target: { atLeast: 1 } });
    printFigure({ name: 'cluster.rps.nocache', value: off2.rps, unit: 'req/s', baseline: off1.rps });
    printFigure({ name: 'cluster.rps.cache', value: on2.rps, unit: 'req/s', baseline: on1.rps });
    printFigure({ name: 'cluster.load.errors', value: shipped.errors, unit: 'errors', target: { atMost: 0 } });
    printFigure({ name: 'cluster.load.story.p99', value: shipped.storyP99, unit: 'ms', target: { atMost: 50 } });
    printFigure({ name: 'cluster.load.rps', value: shipped.rps, unit: 'req/s' });

    const results = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
      connections,
      faultConnections,
      throughputSecondsPerSetting: seconds,
      throughput: { oneInstanceNoCache: off1, twoInstancesNoCache: off2, oneInstanceCache: on1, twoInstancesCache: on2 },
      shippedSetupLoad: { connections: LOAD_CONNECTIONS, warmupSeconds: LOAD_WARMUP_SECONDS, seconds: duration, ...shipped },
      faults: { killOne: summarize(killed), rollingRestart: summarize(rolling), calm: summarize(calm), redisAway: { ...summarize(redisAway), viewsOkSecondsAfter: viewsOk ? viewsOkSeconds : null, beaconCounted: counted } },
    };
    await mkdir('bench/results', { recursive: true });
    await writeFile('bench/results/cluster.json', `${JSON.stringify(results, null, 2)}\n`);
    console.log('written to bench/results/cluster.json');
  } catch (error) {
    console.error(childLines.slice(-40).join('\n'));
    throw error;
  } finally {
    await cluster.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  await main();
  process.exit(0);
}
