import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConfig, writeConfig } from './nginx.mjs';
import { accepts, freePorts } from './ports.mjs';
import { findNginx } from './tools.mjs';

// Who deploy/nginx.conf's rate limits count and what its access log keeps, for addresses a test
// cannot connect from (IPv6 networks): nginx itself evaluates the shipped maps, with the client
// address taken from a header (realip) on a probe server beside the site, which answers the values.

const nginx = findNginx();
const template = await readFile(path.join(import.meta.dirname, '..', '..', 'deploy', 'nginx.conf'), 'utf8');
let dir: string;
let child: ChildProcess | undefined;
let probe: string;

beforeAll(async () => {
  if (!nginx) return;
  dir = await mkdtemp(path.join(os.tmpdir(), 'nginx-readers-test-'));
  const [sitePort, httpPort, probePort] = await freePorts(3);
  const main = await writeConfig({ template, dir, port: sitePort!, httpPort: httpPort!, upstreams: ['127.0.0.1:9'] });
  const probeServer = `    server {
        listen 127.0.0.1:${probePort};
        set_real_ip_from 127.0.0.1;
        real_ip_header X-Probe-Address;
        location / { return 200 "$reader_prefix|$limited_reader|$client_network"; }
    }
}
`;
  await writeFile(main, (await readFile(main, 'utf8')).replace(/\}\s*$/, probeServer));
  const invalid = checkConfig(nginx, dir, main);
  if (invalid) throw new Error(invalid);
  child = spawn(nginx, ['-p', dir, '-c', main, '-e', path.join(dir, 'error.log')], { stdio: 'ignore' });
  for (let waited = 0; !(await accepts(probePort!)); waited += 50) {
    if (waited > 5_000) throw new Error('the probe nginx did not start');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  probe = `http://127.0.0.1:${probePort}/`;
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** [who a limit counts, the key it uses (empty: trusted), what the log keeps] for a client address. */
async function seen(address: string): Promise<string[]> {
  return (await (await fetch(probe, { headers: { 'x-probe-address': address } })).text()).split('|');
}

describe.skipIf(!nginx)('deploy/nginx.conf’s readers', () => {
  it('counts an IPv6 reader by its /64, so addresses rotated inside it are one reader', async () => {
    expect(await seen('2001:db8:1:2:3:4:5:6')).toEqual(['2001:db8:1:2', '2001:db8:1:2', '2001:db8:1::']);
    expect((await seen('2001:db8:1:2:ffff::1'))[0]).toBe('2001:db8:1:2');
    expect((await seen('2001:db8:1:3::1'))[0]).toBe('2001:db8:1:3');
  });

  it('counts a wider prefix, never a narrower one, where the zeros begin within the first four groups', async () => {
    expect((await seen('2001:db8::6'))[0]).toBe('2001:db8');
    expect((await seen('2001:db8:1::6'))[0]).toBe('2001:db8:1');
  });

  it('counts an IPv4 reader by address, and logs its /24', async () => {
    expect(await seen('203.0.113.7')).toEqual(['203.0.113.7', '203.0.113.7', '203.0.113.0']);
  });

  it('does not count this host (trusted), and still logs only its network', async () => {
    expect(await seen('127.0.0.1')).toEqual(['127.0.0.1', '', '127.0.0.0']);
    expect(await seen('::1')).toEqual(['::1', '', '-']);
  });
});
