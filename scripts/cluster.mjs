#!/usr/bin/env node
// `npm run cluster`: several instances of the production build behind nginx on this machine, the
// way docs/operations.md ("Several instances") lays them out in production: nginx configured from
// deploy/nginx.conf → N × scripts/server.mjs → one Redis, all on one content folder.
//   npm run cluster -- [--instances N] [--port N] [--dist DIR] [--no-cache] [--tls]
// --tls: HTTPS as shipped (deploy/nginx.conf's TLS lines), with a self-signed certificate for
// localhost made for the run; plain HTTP on another port then only redirects.
// Settings: CLUSTER_INSTANCES (2), PORT (3000; 0 picks a free one), NEXT_DIST_DIR (.next),
// CONTENT_DIR (content/), REDIS_URL (else its own redis-server), SITE_URL (else nginx's URL),
// REVALIDATE_SECRET (else a random one), DATA_DIR (else one shared temporary folder).
// Prints one line per instance and `Cluster serving on URL` once every instance is healthy;
// Ctrl-C or SIGTERM stops everything and removes its temporary folders.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exitUnlessSupportedNode } from './runtime/supportedNode.mjs';

exitUnlessSupportedNode('npm run cluster');
// TypeScript that Node runs itself (type stripping, Node 26), shared with the tests and benchmarks.
// Imported after the check, so an older Node gets its message, not a loader error.
const { configuredValue, launcherEnvironment, settings, startupProblems } = await import('../lib/config/settings.ts');
const { nginxUrl } = await import('./cluster/nginx.ts');
const { freePorts } = await import('./cluster/ports.ts');
const { startCluster } = await import('./cluster/startCluster.ts');
const { missingTools } = await import('./cluster/tools.ts');

const usage = 'usage: npm run cluster -- [--instances N] [--port N] [--dist DIR] [--no-cache] [--tls]';

const { values } = parseArgs({
  options: {
    instances: { type: 'string' },
    port: { type: 'string' },
    dist: { type: 'string' },
    'no-cache': { type: 'boolean', default: false },
    tls: { type: 'boolean', default: false },
  },
});
// Every setting checked first (lib/config/settings.ts); the options override the variables.
const problems = startupProblems();
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(2);
}
const configured = settings();
const instances = Number(values.instances ?? configured.clusterInstances);
let port = Number(values.port ?? configured.port);
const dist = values.dist ?? configured.nextDistDir;
const contentDir = path.resolve(configured.contentDir);
const { redisUrl, revalidateSecret: secret } = configured;
if (!Number.isInteger(instances) || instances < 1 || !Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(usage);
  process.exit(2);
}
const missing = missingTools({ needRedis: !redisUrl, needOpenssl: values.tls });
if (missing) {
  console.error(missing);
  process.exit(1);
}

launcherEnvironment.disableTelemetry();
// Known now, because the build bakes SITE_URL into the prerendered pages.
if (port === 0) [port] = await freePorts(1);
const siteUrl = configuredValue('SITE_URL') ?? nginxUrl(port, values.tls);

// Like `npm start` (scripts/start.mjs): no build, build first.
if (!existsSync(path.join(dist, 'BUILD_ID'))) {
  console.log(`No build in ${dist}/: running "npm run build" first.`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build'], { stdio: 'inherit', env: launcherEnvironment.forChild({ NEXT_DIST_DIR: dist, CONTENT_DIR: contentDir, SITE_URL: siteUrl }) });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(`cluster: ${instances} instance${instances === 1 ? '' : 's'} of ${dist}/, content ${contentDir}, SITE_URL ${siteUrl}`);
const starting = new AbortController();
let cluster;
let signals = 0;
async function shutDown(signal) {
  signals += 1;
  // A second Ctrl-C while stopping: the children got it too (same terminal), so just leave.
  if (signals > 1) process.exit(130);
  console.log(`${signal}: stopping the instances (they drain), then nginx and Redis`);
  // Still starting: the start-up stops what it started, then exits (below).
  if (!cluster) return starting.abort();
  await cluster.stop();
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void shutDown(signal));

try {
  cluster = await startCluster({ instances, port, dist, contentDir, redisUrl, siteUrl, secret, cache: !values['no-cache'], tls: values.tls, signal: starting.signal });
} catch (error) {
  if (starting.signal.aborted) process.exit(0);
  console.error(`cluster: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
console.log(`nginx access log: ${cluster.nginx.accessLog} (readers' networks only, as deploy/nginx.conf logs them)`);
if (cluster.tls) console.log(`TLS certificate: ${cluster.tls.certificate} (self-signed; plain HTTP on ${cluster.nginx.httpUrl} redirects)`);
console.log(`Cluster serving on ${cluster.url} (nginx → ${instances} instance${instances === 1 ? '' : 's'}); Ctrl-C stops everything`);
