import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { hotPaths } from '../lib/content/hotPaths';
import { loadContent } from '../lib/content/load';
import { currentVisibility } from '../lib/content/visibility';
import { accepts, freePorts } from '../scripts/cluster/ports.ts';
import { stopProcess } from '../scripts/cluster/processes.ts';
import { rawRequest } from './rawRequest';

// A fresh instance is warm before it takes traffic (scripts/server.mjs): it opens its port only
// once the content is compared with the build and its hot pages and cards are rendered. Hit by
// 100 connections the moment it accepts one, asking for what readers and link previews ask for
// after a deploy (the front pages, the newest stories and their cards), none of them waits long:
// before, the cold cards alone got "busy" (503) answers and waited seconds.

/** One GET on a connection of its own: milliseconds until the whole answer, its status and the layer that answered. */
async function timedGet(port: number, path: string) {
  const { ms, status, headers } = await rawRequest(`http://127.0.0.1:${port}${path}`);
  return { ms, status, servedBy: String(headers['x-served-by']), path };
}

test('100 connections at a freshly started instance, on its front pages, newest stories and their cards: every one answered 200 within 2 s', async () => {
  test.setTimeout(90_000);
  const targets = hotPaths(await loadContent('tests/fixtures/content'), currentVisibility());
  expect(targets.filter((target) => target.includes('/opengraph-image?v=')).length).toBeGreaterThanOrEqual(10);
  const [port] = await freePorts(1);
  const data = await mkdtemp(path.join(tmpdir(), 'warm-start-'));
  let log = '';
  const child = spawn(process.execPath, ['scripts/server.mjs'], {
    env: { ...process.env, PORT: String(port), NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: '.next-e2e', CONTENT_DIR: 'tests/fixtures/content', DATA_DIR: data, VIEWS_DB: path.join(data, 'views.db') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  try {
    // The moment the port takes a connection, as nginx would send readers.
    await expect.poll(() => accepts(port!), { timeout: 60_000, intervals: [20] }).toBe(true);
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => timedGet(port!, targets[i % targets.length]!)));
    expect(answers.filter((answer) => answer.status !== 200).map((answer) => answer.status)).toEqual([]);
    const slowest = Math.max(...answers.map((answer) => answer.ms));
    expect(slowest, `slowest of 100: ${Math.round(slowest)} ms\n${log}`).toBeLessThan(2_000);
    // Warm: not one of them had to be rendered for these readers (x-served-by, docs/request-path.md).
    expect(answers.filter((answer) => answer.servedBy === 'render').map((answer) => answer.path)).toEqual([]);
    expect(log).toMatch(/\[server\] warmed \d+ of \d+ pages and cards/);
  } finally {
    await stopProcess(child, 'SIGTERM', 15_000);
    await rm(data, { recursive: true, force: true });
  }
});

test('an instance whose port is taken says so and exits, instead of running on without a port', async () => {
  test.setTimeout(60_000);
  const data = await mkdtemp(path.join(tmpdir(), 'port-taken-'));
  // The e2e server already holds E2E_PORT.
  const port = process.env.E2E_PORT ?? '3210';
  expect(await accepts(Number(port))).toBe(true);
  const child = spawn(process.execPath, ['scripts/server.mjs'], {
    env: { ...process.env, PORT: port, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: '.next-e2e', CONTENT_DIR: 'tests/fixtures/content', DATA_DIR: data, VIEWS_DB: path.join(data, 'views.db') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  try {
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code, log).toBe(1);
    expect(log).toMatch(new RegExp(`\\[server\\] listen EADDRINUSE: address already in use \\S*:${port}`));
  } finally {
    await stopProcess(child, 'SIGKILL', 5_000);
    await rm(data, { recursive: true, force: true });
  }
});
