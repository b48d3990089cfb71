// The programs a cluster needs besides Node: Debian's nginx and redis-server, and openssl for --tls.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const INSTALL_HINT = 'apt-get install -y nginx redis-server openssl';

function onPath(name: string): string | undefined {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim() || undefined;
}

/** nginx lives in sbin, which is not on every user's PATH. */
export function findNginx(): string | undefined {
  return onPath('nginx') ?? ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'].find((file) => existsSync(file));
}

export function findRedisServer(): string | undefined {
  return onPath('redis-server') ?? ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((file) => existsSync(file));
}

/** What is missing for a cluster, as one sentence with the command that installs it; undefined when nothing is. */
export function missingTools({ needRedis = true, needOpenssl = false }: { needRedis?: boolean; needOpenssl?: boolean } = {}): string | undefined {
  const missing = [!findNginx() && 'nginx', needRedis && !findRedisServer() && 'redis-server', needOpenssl && !onPath('openssl') && 'openssl'].filter(Boolean);
  if (missing.length === 0) return undefined;
  return `${missing.join(' and ')} not found: a cluster needs them (Debian/Ubuntu: ${INSTALL_HINT}, as root or with sudo)`;
}
