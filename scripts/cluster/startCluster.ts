// A cluster on one machine: N instances of the production build behind nginx (configured from
// deploy/nginx.conf), sharing one content folder, one Redis, one SITE_URL and REVALIDATE_SECRET.
// Used by scripts/cluster.mjs (npm run cluster) and bench/cluster.ts, which also restarts
// instances, takes Redis away and reconfigures nginx through the handle returned here.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// TypeScript that Node runs itself (type stripping, Node 26), as is everything it imports;
// cluster.mjs loads it only after checking the Node version.
import { launcherEnvironment } from '../../lib/config/settings.ts';
import { selfSignedCertificate, type TlsFiles } from './certificate.ts';
import { instanceProcess, type ClusterInstance, type InstanceExit } from './instance.ts';
import { nginxServer, nginxUrl, type ClusterNginx, type NginxServer } from './nginx.ts';
import { failTimeoutMs } from './nginxConfig.ts';
import { freePorts } from './ports.ts';
import { sleep } from './processes.ts';
import { redisServer, type ClusterRedis } from './redis.ts';
import { findNginx, findRedisServer, missingTools } from './tools.ts';

export type { ClusterInstance, ClusterNginx, ClusterRedis };

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Cluster {
  /** nginx's URL (https://localhost:PORT with `tls`). */
  url: string;
  /** With `tls`: the self-signed certificate to trust, and its key. */
  tls: TlsFiles | undefined;
  dir: string;
  env: { SITE_URL: string; REDIS_URL: string; DATA_DIR: string };
  instances: ClusterInstance[];
  /** nginx's fail_timeout and a margin: how long a returned instance may wait for readers. */
  settleMs: number;
  redis: ClusterRedis | undefined;
  nginx: ClusterNginx;
  configureNginx(options?: { upstreams?: ClusterInstance[]; cache?: boolean }): Promise<void>;
  restartInstance(instance: ClusterInstance): Promise<void>;
  rollingRestart(): Promise<void>;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  instances?: number;
  /** nginx's port; 0 (the default) picks a free one. */
  port?: number;
  /** The build folder (NEXT_DIST_DIR), default .next. */
  dist?: string;
  contentDir?: string;
  /** An existing Redis; without it the cluster starts its own redis-server. */
  redisUrl?: string;
  siteUrl?: string;
  secret?: string;
  dataDir?: string;
  /** nginx's micro-cache, default on. */
  cache?: boolean;
  /** HTTPS as shipped, with a self-signed certificate made for the run (openssl). */
  tls?: boolean;
  log?: (line: string) => void;
  onInstanceExit?: InstanceExit;
  signal?: AbortSignal;
}

export async function startCluster({
  instances: count = 2,
  port = 0,
  dist = '.next',
  contentDir = 'content',
  redisUrl,
  siteUrl,
  secret = randomBytes(24).toString('hex'),
  dataDir,
  cache = true,
  tls = false,
  log = (line) => console.log(line),
  onInstanceExit = (instance, code, signal) =>
    log(`instance ${instance.index} exited (${signal ?? `code ${code}`}): nginx sends its readers to the others`),
  signal,
}: ClusterOptions = {}): Promise<Cluster> {
  const missing = missingTools({ needRedis: !redisUrl, needOpenssl: tls });
  if (missing) throw new Error(missing);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'news-cluster-'));
  // nginx's workers ("nobody" when started as root) must get through it to their cache folder.
  await chmod(dir, 0o755);
  const template = await readFile(path.join(ROOT, 'deploy', 'nginx.conf'), 'utf8');
  const [freePort, redisPort, httpPort, ...instancePorts] = (await freePorts(count + 3)) as [number, number, number, ...number[]];
  const listenPort = port || freePort;
  const url = nginxUrl(listenPort, tls);
  const certificate = tls ? await selfSignedCertificate(path.join(dir, 'tls')) : undefined;

  let redis: ClusterRedis | undefined;
  let nginx: NginxServer | undefined;
  const instances: ClusterInstance[] = [];
  // What every instance shares, handed to them and to the cluster's users alike.
  let shared: Cluster['env'] | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      // Instances first, so none is cut off mid-request by its Redis or its nginx going away.
      await Promise.all(instances.map((instance) => instance.stop()));
      await nginx?.stop();
      await redis?.stop();
      await rm(dir, { recursive: true, force: true });
    })());

  try {
    if (!redisUrl) {
      redis = redisServer({ binary: findRedisServer()!, port: redisPort, dir: path.join(dir, 'redis') });
      await redis.start();
      log(`redis: ${redis.shownUrl} (pid ${redis.pid}; ACL user with a random password, no persistence, a folder only its user reads)`);
    } else log(`redis: REDIS_URL (${redisUrl.replace(/\/\/[^@/]*@/, '//…@')})`);

    // The instances of one machine share DATA_DIR: its files are per content root and written
    // atomically (lib/content/snapshots.ts), and a restarted instance then starts from the same
    // last good versions as the others. A throwaway cluster keeps it in its own folder.
    shared = { SITE_URL: siteUrl ?? url, REDIS_URL: redisUrl ?? redis!.url, DATA_DIR: path.resolve(dataDir ?? path.join(dir, 'data')) };
    await mkdir(shared.DATA_DIR, { recursive: true });
    // A whole environment (this process's and these), as NodeJS.ProcessEnv: Next's types require its NODE_ENV.
    const env = launcherEnvironment.forChild({
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: dist,
      HOSTNAME: '127.0.0.1',
      CONTENT_DIR: path.resolve(contentDir),
      REVALIDATE_SECRET: secret,
      ...shared,
    }) as NodeJS.ProcessEnv;
    instancePorts.forEach((instancePort, i) => {
      const instance = instanceProcess({ index: i + 1, port: instancePort, env, root: ROOT, log, onExit: onInstanceExit });
      instances.push(instance);
      instance.start();
      log(`instance ${instance.index}: ${instance.origin} (pid ${instance.pid})`);
    });

    nginx = nginxServer({ binary: findNginx()!, dir: path.join(dir, 'nginx'), port: listenPort, httpPort, tls: certificate, template, log });
    await nginx.start({ upstreams: instances.map((instance) => `127.0.0.1:${instance.port}`), cache });
    log(`nginx: ${url} (pid ${nginx.pid}; config ${nginx.configFile}, cache ${cache ? 'on' : 'off'})`);

    log(`waiting for /api/health on every instance…`);
    await Promise.all(instances.map((instance) => instance.waitHealthy({ signal })));
  } catch (error) {
    await stop();
    throw error;
  }

  // nginx keeps time in whole seconds: a failure at 32.9 s counts from 32, so an instance it took
  // out may stay out almost a second past fail_timeout. Half a second of margin was not enough: a
  // rolling restart drained the next instance while nginx still held the first out (502s).
  const settleMs = failTimeoutMs(template) + 1_500;
  const cluster: Cluster = {
    url,
    /** With --tls: the self-signed certificate (trust it to reach `url`) and its key. */
    tls: certificate,
    dir,
    env: shared!,
    instances,
    /** nginx's fail_timeout and a margin: how long a returned instance may wait for readers. */
    settleMs,
    /** Undefined when REDIS_URL was given. */
    redis,
    nginx,
    /** nginx again, in front of some of the instances, with or without its micro-cache. */
    async configureNginx({ upstreams = instances, cache: withCache = true } = {}) {
      await nginx.stop();
      await nginx.start({ upstreams: upstreams.map((instance) => `127.0.0.1:${instance.port}`), cache: withCache });
    },
    /** SIGTERM (the instance drains), start it again on the same port, wait until healthy. */
    async restartInstance(instance) {
      await instance.stop();
      instance.start();
      await instance.waitHealthy();
    },
    /**
     * Every instance in turn. After each one is healthy again, wait out nginx's fail_timeout: nginx
     * took it out when it refused connections and tries it again only then; draining the next
     * one sooner could leave nginx with no instance it believes is up.
     */
    async rollingRestart() {
      for (const instance of instances) {
        await cluster.restartInstance(instance);
        await sleep(settleMs);
      }
    },
    stop,
  };
  return cluster;
}
