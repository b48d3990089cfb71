// Beacon writes per second: the full handler (parse, validate, hash, dedupe, count) against a
// no-op store (the baseline: handler cost alone), the embedded SQLite store and Redis.
// Usage: npm run bench:views  (writes bench/results/views.json)
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { handleBeacon } from '../lib/views/beacon';
import { openRedisStore } from '../lib/views/redisStore';
import { openSqliteStore } from '../lib/views/sqliteStore';
import type { ViewsStore } from '../lib/views/store';
import { redisServerBinary, startRedis } from '../lib/views/testing/redisServer';
import { printFigure } from './report';

const WRITES = Number(process.env.BENCH_WRITES ?? 4000);
const CONCURRENCY = 16;
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const SLUGS = Array.from({ length: 50 }, (_, i) => `story-${i}`);

const noopStore: ViewsStore = {
  kind: 'sqlite',
  record: async () => true,
  top: async () => [],
  salt: async () => 'salt',
  close: async () => {},
};

async function run(store: ViewsStore): Promise<number> {
  const context = { store: async () => store, storyExists: async () => true, trustedProxies: 'loopback' };
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < WRITES) {
        const i = next++;
        const request = new Request('http://localhost/api/views', {
          method: 'POST',
          body: JSON.stringify({ slug: SLUGS[i % SLUGS.length], locale: 'ru' }),
          headers: { 'user-agent': UA, 'x-peer-address': '127.0.0.1', 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
        });
        const response = await handleBeacon(request, context);
        if (response.status !== 204) throw new Error(`status ${response.status}`);
      }
    }),
  );
  return WRITES / ((performance.now() - started) / 1000);
}

const results: Record<string, number | string> = {
  date: new Date().toISOString(),
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  writes: WRITES,
  concurrency: CONCURRENCY,
};
results.baselineNoopPerSecond = Math.round(await run(noopStore));

const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-views-'));
const sqlite = await openSqliteStore(path.join(dir, 'views.db'));
await sqlite.salt(new Date().toISOString().slice(0, 10));
results.sqlitePerSecond = Math.round(await run(sqlite));
await sqlite.close();
await rm(dir, { recursive: true, force: true });

if (redisServerBinary()) {
  const server = await startRedis();
  const redis = await openRedisStore(server.url, 'bench:');
  results.redisPerSecond = Math.round(await run(redis));
  await redis.close();
  await server.stop();
} else {
  results.redisPerSecond = 'skipped: no redis-server';
}

const ratio = (value: number | string) => (typeof value === 'number' ? (value / (results.baselineNoopPerSecond as number)).toFixed(2) : '-');
console.log(`views benchmark (${results.machine}), ${WRITES} beacons, ${CONCURRENCY} at a time`);
console.log(`  handler alone (no-op store): ${results.baselineNoopPerSecond} writes/s  (baseline 1.00)`);
console.log(`  SQLite (embedded):           ${results.sqlitePerSecond} writes/s  (${ratio(results.sqlitePerSecond)} of baseline)`);
console.log(`  Redis (loopback):            ${results.redisPerSecond} writes/s  (${ratio(results.redisPerSecond)} of baseline)`);
const baseline = results.baselineNoopPerSecond as number;
printFigure({ name: 'views.noop', value: baseline, unit: 'writes/s' });
printFigure({ name: 'views.sqlite', value: results.sqlitePerSecond as number, unit: 'writes/s', baseline });
if (typeof results.redisPerSecond === 'number') printFigure({ name: 'views.redis', value: results.redisPerSecond, unit: 'writes/s', baseline });
await mkdir('bench/results', { recursive: true });
await writeFile('bench/results/views.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('written to bench/results/views.json');
