import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A second production server on the same build, serving a temporary copy of the content, so a
 * spec can add, edit, break and delete files while the site runs (ISR caches stay in each
 * server's memory: next.config.ts isrFlushToDisk false).
 */
export async function startLiveServer(port: number) {
  const root = await mkdtemp(path.join(tmpdir(), 'live-content-'));
  await cp('content', root, { recursive: true });
  let log = '';
  const child: ChildProcess = spawn(process.execPath, ['scripts/server.mjs'], {
    env: {
      ...process.env,
      PORT: String(port),
      CONTENT_DIR: root,
      VIEWS_DB: path.join(root, '..', `${path.basename(root)}-views.db`),
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const origin = `http://localhost:${port}`;
  for (let i = 0; ; i += 1) {
    const ok = await fetch(`${origin}/ru`).then((r) => r.ok, () => false);
    if (ok) break;
    if (i > 150) throw new Error(`live server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    origin,
    root,
    log: () => log,
    stop: async () => {
      child.kill('SIGTERM');
      await rm(root, { recursive: true, force: true });
    },
  };
}
