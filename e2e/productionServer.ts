import { spawn } from 'node:child_process';
import { accepts } from '../scripts/cluster/ports.ts';
import { hasExited, stopProcess } from '../scripts/cluster/processes.ts';

/**
 * Another production server on the same build (scripts/server.mjs), with its own settings, for
 * specs and benchmarks that need one: its own content copy, views store or Redis. Resolves once
 * it answers; `log()` is everything it printed.
 */
export async function startProductionServer(port: number, env: Record<string, string> = {}) {
  // Another server on the port (one a failed run left behind) would answer the readiness check.
  if (await accepts(port)) throw new Error(`port ${port} is taken: stop whatever listens there first`);
  let log = '';
  const child = spawn(process.execPath, ['scripts/server.mjs'], {
    env: { ...process.env, PORT: String(port), NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const origin = `http://localhost:${port}`;
  for (let i = 0; ; i += 1) {
    if (await fetch(`${origin}/ru`).then((r) => r.ok, () => false)) break;
    if (i > 150) {
      child.kill('SIGTERM');
      throw new Error(`server on port ${port} did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  // Stopping waits for the exit: a server still writing DATA_DIR (photos encoded ahead) would
  // race a caller's cleanup of that folder.
  return { origin, pid: child.pid!, log: () => log, running: () => !hasExited(child), stop: () => stopProcess(child, 'SIGTERM', 15_000) };
}
