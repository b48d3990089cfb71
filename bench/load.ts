// Mixed reader traffic against the production server: story pages, front pages, listings, feeds,
// social cards, photos and view beacons, at a fixed number of connections, with requests/s, p50
// and p99 per kind of route and every error counted. The baseline is the same load on one story
// page saved as a static file behind nginx (skipped where there is no nginx): the ceiling for
// this machine and this load generator, which share the same cores with the server.
// Usage: npm run bench:load [-- --origin URL] [--duration 60] [--warmup 10] [--connections 100]
//        [--quick] [--no-baseline]   (writes bench/results/load.json)
// Without --origin it starts a production server of the existing build (`npm run build` first);
// CONTENT_DIR, REDIS_URL etc. pass through to it.
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startProductionServer } from '../e2e/productionServer';
import { routing } from '../i18n/routing';
import { stopProcess } from '../scripts/cluster/processes.ts';
import { printFigure } from './report';
import { percentile } from './stats';

/** A language prefix of the site (i18n/locales.json), as a capturing group. */
const LANGUAGE = `(${routing.locales.join('|')})`;

// ---------------------------------------------------------------------------------------------
// A server to measure (shared with bench/lighthouse.ts).

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface BenchOrigin {
  origin: string;
  /** Whether the origin is a server this script started (and stops). */
  own: boolean;
  stop: () => void;
}

/** `--origin` as given, or a production server of the existing build on a free port. */
export async function benchOrigin(script: string, given: string | undefined): Promise<BenchOrigin> {
  if (given) return { origin: given.replace(/\/$/, ''), own: false, stop: () => {} };
  if (!existsSync('.next/BUILD_ID')) {
    console.error(`${script} needs a build (.next/BUILD_ID is missing): run "npm run build" first, or pass --origin URL.`);
    process.exit(1);
  }
  const port = await freePort();
  // Its own views store, so beacons neither touch .data/views.db nor wait for another server's lock.
  const server = await startProductionServer(port, { VIEWS_DB: path.join(os.tmpdir(), `bench-views-${port}.db`) });
  return { origin: server.origin, own: true, stop: server.stop };
}

// ---------------------------------------------------------------------------------------------
// Discovery: what a reader would request, found the way a crawler finds it.

export const ROUTE_CLASSES = ['story', 'front', 'section', 'tag', 'archive', 'feed', 'card', 'photo', 'beacon'] as const;
export type RouteClass = (typeof ROUTE_CLASSES)[number];
/** The route classes that are HTML pages readers open. */
export const PAGE_CLASSES = ['story', 'front', 'section', 'tag', 'archive'] as const satisfies readonly RouteClass[];

/** Where a same-site path belongs, or undefined for anything else (external links, assets). */
export function classify(pathAndQuery: string): Exclude<RouteClass, 'beacon'> | undefined {
  const [pathname = ''] = pathAndQuery.split('?');
  if (new RegExp(`^/${LANGUAGE}/news/[^/]+/opengraph-image$`).test(pathname) || new RegExp(`^/${LANGUAGE}/opengraph-image$`).test(pathname)) return 'card';
  if (new RegExp(`^/${LANGUAGE}/news/[^/]+$`).test(pathname)) return 'story';
  if (new RegExp(`^/${LANGUAGE}/?$`).test(pathname)) return 'front';
  if (/\/(feed|atom)\.xml$/.test(pathname) || /^\/(news-)?sitemap\.xml$/.test(pathname) || /^\/sitemaps\/[^/]+\.xml$/.test(pathname)) return 'feed';
  if (new RegExp(`^/${LANGUAGE}/section/[^/]+$`).test(pathname)) return 'section';
  if (new RegExp(`^/${LANGUAGE}/tag/[^/]+$`).test(pathname)) return 'tag';
  if (new RegExp(`^/${LANGUAGE}/archive$`).test(pathname)) return 'archive';
  if (/^\/media\/[^/]+\/[^/]+$/.test(pathname)) return 'photo';
  return undefined;
}

const decodeEntities = (text: string) => text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'");

/** Every URL in a page or sitemap as a path on this site; the host may be SITE_URL's, not ours. */
export function pathsIn(text: string, origin: string): string[] {
  const found: string[] = [];
  const attribute = /(?:href|src|content)="([^"]+)"|<loc>([^<]+)<\/loc>/g;
  for (let match = attribute.exec(text); match; match = attribute.exec(text)) {
    const raw = decodeEntities((match[1] ?? match[2] ?? '').trim());
    if (!raw.startsWith('/') && !/^https?:\/\//.test(raw)) continue;
    try {
      const url = new URL(raw, origin);
      found.push(url.pathname + url.search);
    } catch {
      // Not a URL after all.
    }
  }
  return found;
}

export interface Request {
  routeClass: RouteClass;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

export interface Targets {
  byClass: Record<RouteClass, string[]>;
  sampleStoryHtml: string;
  /** A request chooser with the given weights over the classes that have targets. */
  picker: (mix: Record<RouteClass, number>) => () => Request;
}

async function getText(origin: string, pathAndQuery: string): Promise<string> {
  const response = await fetch(origin + pathAndQuery);
  if (!response.ok) throw new Error(`GET ${pathAndQuery}: HTTP ${response.status}`);
  return response.text();
}

const STORY_PAGES_TO_SCAN = 40;

export async function discoverTargets(origin: string): Promise<Targets> {
  const sets = Object.fromEntries(ROUTE_CLASSES.map((c) => [c, new Set<string>()])) as Record<RouteClass, Set<string>>;
  const add = (paths: string[]) => {
    for (const p of paths) {
      const routeClass = classify(p);
      if (routeClass) sets[routeClass].add(p);
    }
  };
  for (const entry of ['/ru', '/en']) {
    sets.front.add(entry);
    add(pathsIn(await getText(origin, entry), origin));
  }
  // The sitemap index names child sitemaps (added as feeds), which name the stories and listings.
  const sitemaps = ['/sitemap.xml', '/news-sitemap.xml'];
  for (let i = 0; i < sitemaps.length; i++) {
    const sitemap = sitemaps[i]!;
    const text = await getText(origin, sitemap).catch(() => undefined);
    if (text === undefined) continue;
    sets.feed.add(sitemap);
    const found = pathsIn(text, origin);
    add(found);
    if (text.includes('<sitemapindex')) sitemaps.push(...found.filter((p) => /^\/sitemaps\/[^/]+\.xml$/.test(p) && !sitemaps.includes(p)));
  }
  for (const locale of routing.locales) for (const feed of ['feed.xml', 'atom.xml']) sets.feed.add(`/${locale}/${feed}`);

  // Cards (with their ?v=) and photos appear only inside story pages: read a sample of them.
  const stories = [...sets.story];
  const sample = stories.filter((_, i) => i % Math.max(1, Math.floor(stories.length / STORY_PAGES_TO_SCAN)) === 0).slice(0, STORY_PAGES_TO_SCAN);
  let sampleStoryHtml = '';
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < sample.length) {
        const html = await getText(origin, sample[next++]!).catch(() => '');
        if (!sampleStoryHtml && html) sampleStoryHtml = html;
        add(pathsIn(html, origin));
      }
    }),
  );
  if (!sampleStoryHtml) throw new Error(`no story page could be read from ${origin}`);
  for (const story of sets.story) {
    const [, locale, slug] = new RegExp(`^/${LANGUAGE}/news/([^/?]+)$`).exec(story) ?? [];
    if (locale && slug) sets.beacon.add(JSON.stringify({ slug, locale }));
  }

  const byClass = Object.fromEntries(ROUTE_CLASSES.map((c) => [c, [...sets[c]].sort()])) as Record<RouteClass, string[]>;
  const picker = (mix: Record<RouteClass, number>) => {
    const classes = ROUTE_CLASSES.filter((c) => byClass[c].length > 0 && mix[c] > 0);
    const total = classes.reduce((sum, c) => sum + mix[c], 0);
    return (): Request => {
      let roll = Math.random() * total;
      const routeClass = classes.find((c) => (roll -= mix[c]) < 0) ?? classes[0]!;
      const target = byClass[routeClass][Math.floor(Math.random() * byClass[routeClass].length)]!;
      return routeClass === 'beacon' ? { routeClass, method: 'POST', path: '/api/views', body: target } : { routeClass, method: 'GET', path: target };
    };
  };
  return { byClass, sampleStoryHtml, picker };
}

// ---------------------------------------------------------------------------------------------
// The load: `connections` loops, each with one request in flight on a kept-alive socket.

export interface ClassResult {
  latencies: number[];
  /** "HTTP 503" for answers with an error status, the error code for socket errors. */
  errors: Map<string, number>;
}

export interface PhaseResult {
  seconds: number;
  byClass: Map<RouteClass, ClassResult>;
  /** Connections the phase had to open: 0 when every reader's connection was already up. */
  opened: number;
}

const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * The readers' kept-alive connections, one per loop, shared by the warm-up and the measured phase.
 * Node (libuv 1.45 and later) accepts one new connection per event-loop iteration, and at
 * saturation an iteration serves every ready request first: 100 connections opened at once
 * against a busy server wait up to about 100 iterations, 10 s and more for the last ones. A
 * measured phase that opened its own connections timed out on those (9 errors in one full run).
 * So the warm-up opens them, ramping up (see `drive`), and the measured phase reuses them.
 */
export function connectionPool(connections: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: connections });
}

function send(agent: http.Agent, origin: URL, request: Request, reader: number, onNewConnection: () => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { 'user-agent': BROWSER_UA, 'accept-encoding': 'gzip, br' };
    if (request.body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(request.body);
      // A different reader per beacon, each in a /24 of its own (lib/views/readerBudgets.ts), so the
      // store counts (writes) rather than dedupes or leaves a network's extra readers uncounted.
      headers['x-forwarded-for'] = `10.${reader & 255}.${(reader >> 8) & 255}.${(reader >> 16) & 255}`;
    }
    const req = http.request(
      { agent, host: origin.hostname, port: origin.port || 80, method: request.method, path: request.path, headers },
      (response) => {
        response.on('data', () => {});
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    // Counted when the socket is given, so one that times out before any answer counts too.
    req.once('socket', () => {
      if (!req.reusedSocket) onNewConnection();
    });
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', reject);
    req.end(request.body);
  });
}

/**
 * One phase of load: `pool.maxSockets` loops, each with one request in flight, for `seconds`.
 * With `rampSeconds`, the loops start one after another over that time, as readers arrive, so
 * each new connection waits for one busy event-loop iteration, not for all of the others.
 */
export async function drive(origin: string, next: () => Request, pool: http.Agent, seconds: number, rampSeconds = 0): Promise<PhaseResult> {
  const url = new URL(origin);
  if (url.protocol !== 'http:') throw new Error(`only http:// origins are supported, not ${origin}`);
  if (!Number.isInteger(pool.maxSockets)) throw new Error('the pool needs a number of connections (connectionPool)');
  const ramp = Math.min(rampSeconds, seconds);
  let opened = 0;
  const byClass = new Map<RouteClass, ClassResult>();
  const resultFor = (routeClass: RouteClass) => {
    let result = byClass.get(routeClass);
    if (!result) byClass.set(routeClass, (result = { latencies: [], errors: new Map() }));
    return result;
  };
  let readers = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: pool.maxSockets }, async (_, loop) => {
      if (ramp > 0) await new Promise((r) => setTimeout(r, (loop * ramp * 1000) / pool.maxSockets));
      while (performance.now() < deadline) {
        const request = next();
        const result = resultFor(request.routeClass);
        const sent = performance.now();
        try {
          const status = await send(pool, url, request, (readers += 1), () => (opened += 1));
          if (status >= 200 && status < 400) result.latencies.push(performance.now() - sent);
          else result.errors.set(`HTTP ${status}`, (result.errors.get(`HTTP ${status}`) ?? 0) + 1);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? 'socket error';
          result.errors.set(code, (result.errors.get(code) ?? 0) + 1);
          // A refused or reset connection fails fast: pause so a dead server does not spin the loop.
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, byClass, opened };
}

// ---------------------------------------------------------------------------------------------
// The baseline: nginx serving one story page from disk.

export function nginxBinary(): string | undefined {
  return ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'].find((file) => existsSync(file));
}

async function startStaticNginx(binary: string, html: string): Promise<{ origin: string; path: string; stop: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-nginx-'));
  // nginx's workers drop root's privileges: they must be able to read the page.
  await chmod(dir, 0o755);
  await mkdir(path.join(dir, 'www'), { mode: 0o755 });
  await writeFile(path.join(dir, 'www', 'story.html'), html, { mode: 0o644 });
  const port = await freePort();
  // One worker, like the one Node process it is compared with; no logging, long keep-alive.
  const config = `daemon off;
master_process on;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  keepalive_requests 1000000;
  default_type text/html;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/www;
  }
}
`;
  await writeFile(path.join(dir, 'nginx.conf'), config);
  const child = spawn(binary, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i += 1) {
    if (await fetch(`${origin}/story.html`).then((r) => r.ok, () => false)) break;
    if (i > 50 || child.exitCode !== null) {
      child.kill('SIGTERM');
      await rm(dir, { recursive: true, force: true });
      throw new Error(`nginx did not start: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    origin,
    path: '/story.html',
    stop: async () => {
      await stopProcess(child, 'SIGTERM', 10_000);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Reporting.

/** How often each kind of route is asked for: pages and photos dominate a news site's traffic. */
const MIX: Record<RouteClass, number> = { story: 30, front: 10, section: 7, tag: 6, archive: 4, feed: 5, card: 10, photo: 18, beacon: 10 };

export interface Summary {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** Connections opened during the measured phase (each after an error closed one). */
  opened: number;
  routes: Record<string, { requests: number; perSecond: number; p50: number; p99: number; errors: Record<string, number> }>;
}

export function summarize(result: PhaseResult): Summary {
  const stats = (values: number[]) => (values.length ? { p50: +percentile(values, 50).toFixed(1), p99: +percentile(values, 99).toFixed(1) } : { p50: 0, p99: 0 });
  const routes: Summary['routes'] = {};
  for (const routeClass of ROUTE_CLASSES) {
    const r = result.byClass.get(routeClass);
    if (!r) continue;
    routes[routeClass] = { requests: r.latencies.length, perSecond: +(r.latencies.length / result.seconds).toFixed(1), ...stats(r.latencies), errors: Object.fromEntries(r.errors) };
  }
  const all = [...result.byClass.values()].flatMap((r) => r.latencies);
  const errors = [...result.byClass.values()].reduce((sum, r) => sum + [...r.errors.values()].reduce((a, b) => a + b, 0), 0);
  return { requestsPerSecond: Math.round(all.length / result.seconds), ...stats(all), errors, opened: result.opened, routes };
}

function printTable(summary: Summary): void {
  const row = (cells: Array<string | number>) => `  ${String(cells[0]).padEnd(8)}${cells.slice(1).map((c) => String(c).padStart(10)).join('')}`;
  console.log(row(['route', 'ok', 'ok/s', 'p50 ms', 'p99 ms', 'errors']));
  for (const [routeClass, r] of Object.entries(summary.routes)) {
    console.log(row([routeClass, r.requests, r.perSecond, r.p50, r.p99, Object.values(r.errors).reduce((a, b) => a + b, 0)]));
  }
  console.log(row(['all', '', summary.requestsPerSecond, summary.p50, summary.p99, summary.errors]));
  const errorLines = Object.entries(summary.routes).flatMap(([routeClass, r]) => Object.entries(r.errors).map(([kind, n]) => `${routeClass} ${kind} × ${n}`));
  if (errorLines.length > 0) console.log(`  errors (HTTP = error answers, others = socket errors): ${errorLines.join('; ')}`);
  console.log(`  connections opened while measuring: ${summary.opened} (the warm-up opened the others)`);
}

export async function measureStatic(nginx: string, html: string, connections: number, warmup: number, duration: number): Promise<Summary> {
  const staticServer = await startStaticNginx(nginx, html);
  const pool = connectionPool(connections);
  try {
    const same = (): Request => ({ routeClass: 'story', method: 'GET', path: staticServer.path });
    // A file server has nothing to warm but its sockets.
    await drive(staticServer.origin, same, pool, Math.min(warmup, 2), Math.min(warmup, 2) / 2);
    return summarize(await drive(staticServer.origin, same, pool, duration));
  } finally {
    pool.destroy();
    await staticServer.stop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      origin: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string', default: '10' },
      connections: { type: 'string', default: '100' },
      quick: { type: 'boolean', default: false },
      'no-baseline': { type: 'boolean', default: false },
    },
  });
  const duration = Number(values.duration ?? (values.quick ? 10 : 60));
  const warmup = Number(values.warmup);
  const connections = Number(values.connections);
  if (!(duration > 0 && warmup >= 0 && Number.isInteger(connections) && connections > 0)) {
    console.error('usage: npm run bench:load -- [--origin URL] [--duration S] [--warmup S] [--connections N] [--quick] [--no-baseline]');
    process.exit(2);
  }

  const target = await benchOrigin('bench:load', values.origin);
  try {
    const targets = await discoverTargets(target.origin);
    console.log(`load benchmark: ${connections} connections, ${duration} s after a ${warmup} s warm-up, against ${target.own ? `a production server at ${target.origin}` : target.origin}`);
    console.log(`  found: ${ROUTE_CLASSES.map((c) => `${targets.byClass[c].length} ${c}`).join(', ')}`);
    const missing = ROUTE_CLASSES.filter((c) => targets.byClass[c].length === 0);
    if (missing.length > 0) console.log(`  nothing found for ${missing.join(', ')}: left out of the mix`);

    const next = targets.picker(MIX);
    const pool = connectionPool(connections);
    let site: Summary;
    try {
      if (warmup > 0) await drive(target.origin, next, pool, warmup, warmup / 2);
      site = summarize(await drive(target.origin, next, pool, duration));
    } finally {
      pool.destroy();
    }
    printTable(site);

    let baseline: Summary | undefined;
    const nginx = nginxBinary();
    if (values['no-baseline']) console.log('baseline: skipped (--no-baseline)');
    else if (!nginx) console.log('baseline: skipped (no nginx; apt-get install -y nginx to compare with a static file)');
    else {
      // Stop our server first, so nginx gets the cores the site had.
      if (target.own) target.stop();
      baseline = await measureStatic(nginx, targets.sampleStoryHtml, connections, warmup, duration).catch((error: unknown) => {
        console.log(`baseline: failed, reported without it: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      });
      if (baseline) {
        console.log(`baseline: nginx (1 worker) serving one story page as a static file: ${baseline.requestsPerSecond} req/s, p50 ${baseline.p50} ms, p99 ${baseline.p99} ms, ${baseline.errors} errors`);
        console.log(`  the site answered ${(site.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)} of nginx's requests/s`);
      }
    }

    printFigure({ name: 'load.rps', value: site.requestsPerSecond, unit: 'req/s', baseline: baseline?.requestsPerSecond });
    printFigure({ name: 'load.errors', value: site.errors, unit: 'errors', target: { atMost: 0 } });
    for (const [name, r] of [['all', site] as const, ...Object.entries(site.routes)]) {
      if ('requests' in r && r.requests === 0) continue;
      printFigure({ name: `load.${name}.p50`, value: r.p50, unit: 'ms', baseline: baseline?.p50 });
      printFigure({ name: `load.${name}.p99`, value: r.p99, unit: 'ms', baseline: baseline?.p99 });
    }

    const results = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
      origin: target.own ? 'own production server' : target.origin,
      connections,
      durationSeconds: duration,
      warmupSeconds: warmup,
      mix: MIX,
      site,
      baselineNginxStatic: baseline ?? 'skipped',
    };
    await mkdir('bench/results', { recursive: true });
    await writeFile('bench/results/load.json', `${JSON.stringify(results, null, 2)}\n`);
    console.log('written to bench/results/load.json');
  } finally {
    target.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  await main();
  process.exit(0);
}
