// The cluster's own redis-server (when no REDIS_URL is given): loopback only, no persistence, its
// own folder. It can be stopped and started again on the same port, which is how
// bench/cluster.ts takes Redis away from running instances for a while.
import { spawn } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { accepts } from './ports.mjs';
import { hasExited, sleep, stopProcess } from './processes.mjs';

export function redisServer({ binary, port, dir }) {
  let child;
  const logFile = path.join(dir, 'redis.log');
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    get pid() {
      return child?.pid;
    },
    async start() {
      await mkdir(dir, { recursive: true });
      const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--logfile', logFile];
      child = spawn(binary, args, { stdio: 'ignore' });
      for (let waited = 0; !(await accepts(port)); waited += 50) {
        if (hasExited(child) || waited > 5_000) {
          const log = await readFile(logFile, 'utf8').catch(() => '');
          await stopProcess(child, 'SIGKILL', 1_000);
          throw new Error(`redis-server did not start on port ${port}:\n${log.split('\n').slice(-10).join('\n')}`);
        }
        await sleep(50);
      }
    },
    async stop() {
      if (child) await stopProcess(child, 'SIGTERM', 3_000);
    },
  };
}
