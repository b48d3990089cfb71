// `npm run bench:origin`: what one instance costs per request where it costs least, a story page
// already in Next's cache, against nginx serving the same HTML as a file in the same run. The
// ratio is the share of nginx's requests/s the origin reaches (issue target: at least 10%); what
// a request passes through is in docs/request-path.md. One instance of scripts/server.mjs, no
// nginx in front, 50 kept-alive connections, gzip asked for (as browsers do).
//   npm run bench:origin -- [--duration S] [--connections N] [--quick]
import os from 'node:os';
import { parseArgs } from 'node:util';
import { benchOrigin, connectionPool, drive, measureStatic, nginxBinary, summarize, type Request } from './load';
import { storyPathsIn } from './pages';
import { printFigure } from './report';

const { values } = parseArgs({
  options: { duration: { type: 'string' }, connections: { type: 'string', default: '50' }, quick: { type: 'boolean', default: false } },
});
const duration = Number(values.duration ?? (values.quick ? 5 : 20));
const connections = Number(values.connections);
const warmup = values.quick ? 2 : 5;
if (!(duration > 0 && Number.isInteger(connections) && connections > 0)) {
  console.error('usage: npm run bench:origin -- [--duration S] [--connections N] [--quick]');
  process.exit(2);
}

const target = await benchOrigin('bench:origin', undefined);
let site;
let html: string;
let storyPath: string;
try {
  storyPath = storyPathsIn(await (await fetch(`${target.origin}/ru`)).text(), 'ru')[0]!;
  if (!storyPath) throw new Error(`no story linked from ${target.origin}/ru`);
  html = await (await fetch(target.origin + storyPath)).text();
  const same = (): Request => ({ routeClass: 'story', method: 'GET', path: storyPath });
  const pool = connectionPool(connections);
  try {
    await drive(target.origin, same, pool, warmup, warmup / 2);
    site = summarize(await drive(target.origin, same, pool, duration));
  } finally {
    pool.destroy();
  }
} finally {
  // nginx gets the cores the site had.
  target.stop();
}
console.log(`origin: ${storyPath} from one instance, ${connections} connections, ${duration} s: ${site.requestsPerSecond} req/s, p50 ${site.p50} ms, p99 ${site.p99} ms, ${site.errors} errors (Node ${process.version}, ${os.cpus().length} cores)`);

const nginx = nginxBinary();
const baseline = nginx ? await measureStatic(nginx, html, connections, warmup, duration) : undefined;
if (baseline) {
  console.log(`baseline: nginx (1 worker) serving the same HTML as a file: ${baseline.requestsPerSecond} req/s, p50 ${baseline.p50} ms, p99 ${baseline.p99} ms`);
  console.log(`  the origin answered ${((100 * site.requestsPerSecond) / baseline.requestsPerSecond).toFixed(1)}% of nginx's requests/s`);
} else console.log(`baseline: skipped (no nginx; apt-get install -y nginx)`);

printFigure({ name: 'origin.story.rps', value: site.requestsPerSecond, unit: 'req/s', baseline: baseline?.requestsPerSecond });
if (baseline) printFigure({ name: 'origin.story.share', value: +((100 * site.requestsPerSecond) / baseline.requestsPerSecond).toFixed(1), unit: '%', target: { atLeast: 10 } });
printFigure({ name: 'origin.story.p99', value: site.p99, unit: 'ms', baseline: baseline?.p99 });
printFigure({ name: 'origin.errors', value: site.errors, unit: 'errors', target: { atMost: 0 } });
process.exit(0);
