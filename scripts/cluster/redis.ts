// The cluster's own redis-server (when no REDIS_URL is given), run as docs/operations.md asks of
// production: loopback only, the default user off and one ACL user with a random password that
// reaches only the site's keys (`news:*`) and none of the dangerous commands (CONFIG, FLUSHALL,
// KEYS, DEBUG…), no persistence, a folder only its user can read. It can be stopped and started
// again on the same port, which is how bench/cluster.ts takes Redis away from running instances.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import Redis from 'ioredis';
import { untilAccepts } from './ports.ts';
import { hasExited, sleep, startFailure, stopProcess } from './processes.ts';

/** The ACL user the site connects as, and the keys it may touch (the site's prefix, lib/views). */
export const REDIS_USER = 'news';
export const REDIS_KEYS = 'news:*';

/** redis-server's arguments for the site's ACL user: its keys and channels, every command but the dangerous ones (INFO kept: ioredis's ready check asks it). */
export function aclArguments(password: string): string[] {
  return ['--user', 'default', 'off', '--user', REDIS_USER, 'on', `>${password}`, 'resetchannels', `~${REDIS_KEYS}`, `&${REDIS_KEYS}`, '+@all', '-@dangerous', '+info'];
}

/** Whether the server on `url` is the one started here: only it knows the password. */
async function answersWithPassword(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1_000, enableOfflineQueue: false, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export interface ClusterRedis {
  readonly port: number;
  /** With the ACL user's password. */
  readonly url: string;
  /** The URL without its password, for logs. */
  readonly shownUrl: string;
  readonly pid: number | undefined;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function redisServer({ binary, port, dir }: { binary: string; port: number; dir: string }): ClusterRedis {
  let child: ChildProcess | undefined;
  const logFile = path.join(dir, 'redis.log');
  const password = randomBytes(18).toString('base64url');
  const url = `redis://${REDIS_USER}:${password}@127.0.0.1:${port}`;
  return {
    port,
    url,
    /** The URL without its password, for logs. */
    shownUrl: `redis://${REDIS_USER}:…@127.0.0.1:${port}`,
    get pid() {
      return child?.pid;
    },
    async start() {
      await mkdir(dir, { recursive: true });
      // mkdir's mode passes through the umask: set it outright.
      await chmod(dir, 0o700);
      const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--logfile', logFile, ...aclArguments(password)];
      child = spawn(binary, args, { stdio: 'ignore' });
      const failed = (why: string) => startFailure(child!, logFile, `redis-server did not start on port ${port}: ${why}`);
      if (!(await untilAccepts(port, { gaveUp: () => hasExited(child!) }))) throw await failed('it exited or never listened');
      // Something answers on the port: it must be this process (another one may hold the port,
      // and this one then exits with "Address already in use").
      await sleep(50);
      if (hasExited(child) || !(await answersWithPassword(url))) throw await failed('another process answers on that port');
    },
    async stop() {
      if (child) await stopProcess(child, 'SIGTERM', 3_000);
    },
  };
}
