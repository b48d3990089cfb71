import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfSignedCertificate } from '../../scripts/cluster/certificate.ts';
import { freePorts, untilAccepts } from '../../scripts/cluster/ports.ts';
import { stopProcess } from '../../scripts/cluster/processes.ts';
import { redisServerBinary } from './testing/redisServer';

// `rediss://` (Redis over TLS, across machines) with the store the site runs: a Redis with only a
// TLS port and a certificate of its own CA, trusted the way an operator trusts a private CA
// (NODE_EXTRA_CA_CERTS, docs/operations.md), so the store runs in a process of its own.

const redis = redisServerBinary();
let dir: string;
let server: ChildProcess | undefined;
let port: number;
let certificate: string;

beforeAll(async () => {
  if (!redis) return;
  dir = await mkdtemp(path.join(tmpdir(), 'rediss-'));
  ({ certificate } = await selfSignedCertificate(dir).then(async ({ certificate: cert, key }) => {
    [port] = (await freePorts(1)) as [number];
    server = spawn(redis, ['--port', '0', '--tls-port', String(port), '--tls-cert-file', cert, '--tls-key-file', key, '--tls-auth-clients', 'no', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
    return { certificate: cert };
  }));
  if (!(await untilAccepts(port))) throw new Error('redis with TLS did not start');
});

afterAll(async () => {
  if (server) await stopProcess(server, 'SIGTERM', 5_000);
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Records three views through openRedisStore at `url` in a process of its own; prints Popular or the error. */
function storeRun(url: string, env: Record<string, string> = {}) {
  const script = `
    import { openRedisStore } from './lib/views/redisStore.ts';
    const store = await openRedisStore(${JSON.stringify(url)}, 'tls-test:');
    try {
      for (const reader of ['a', 'b', 'c']) await store.record({ slug: 'over-tls', day: new Date().toISOString().slice(0, 10), reader });
      console.log(JSON.stringify(await store.top([new Date().toISOString().slice(0, 10)], 1)));
    } catch (error) {
      console.log('failed: ' + error.message);
    } finally {
      await store.close();
    }`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 30_000 });
  return `${run.stdout}${run.stderr}`.trim();
}

describe.skipIf(!redis)('the views store over rediss://', () => {
  it('counts views over TLS when the server’s CA is trusted', () => {
    expect(storeRun(`rediss://127.0.0.1:${port}`, { NODE_EXTRA_CA_CERTS: certificate })).toBe('[{"slug":"over-tls","views":3}]');
  });

  it('refuses a server whose certificate it cannot verify, and a plain redis:// to the TLS port', () => {
    expect(storeRun(`rediss://127.0.0.1:${port}`)).toMatch(/^failed: /);
    expect(storeRun(`redis://127.0.0.1:${port}`)).toMatch(/^failed: /);
  }, 60_000);
});
