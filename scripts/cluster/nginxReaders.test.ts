import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConfig, writeConfig } from './nginx.ts';
import { freePorts, untilAccepts } from './ports.ts';
import { stopProcess } from './processes.ts';
import { findNginx } from './tools.ts';

// Who deploy/nginx.conf's rate limits count and what its access log keeps, for addresses a test
// cannot connect from (IPv6 networks), and what its page cache keys on: nginx itself evaluates the
// shipped maps, with the client address taken from a header (realip) on a probe server beside the
// site, which answers the values.

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
        location /key/ { return 200 "$page_cache_key|$odd_query|$poll_cache_key"; }
    }
}
`;
  await writeFile(main, (await readFile(main, 'utf8')).replace(/\}\s*$/, probeServer));
  const invalid = checkConfig(nginx, dir, main);
  if (invalid) throw new Error(invalid);
  child = spawn(nginx, ['-p', dir, '-c', main, '-e', path.join(dir, 'error.log')], { stdio: 'ignore' });
  if (!(await untilAccepts(probePort!))) throw new Error('the probe nginx did not start');
  probe = `http://127.0.0.1:${probePort}/`;
});

afterAll(async () => {
  if (child) await stopProcess(child, 'SIGTERM', 5_000);
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

/** [the page cache key, whether the query is too odd to cache ("1"), the poll's key] for a request target on the probe. */
async function cacheKey(target: string): Promise<string[]> {
  const [key = '', odd = '', poll = ''] = (await (await fetch(`${probe.replace(/\/$/, '')}/key${target}`)).text()).split('|');
  return [key.replace(/^http127\.0\.0\.1/, ''), odd, poll.replace(/^http127\.0\.0\.1/, '')];
}

describe.skipIf(!nginx)('deploy/nginx.conf’s page cache key', () => {
  const none = '?page=&q=&section=&tag=&year=&sort=&update=&v=&w=&f=';

  it('ignores the query arguments the site does not read, so a random ?x= is the same entry', async () => {
    for (const target of ['/en', '/en?x=1', '/en?utm_source=mail&fbclid=abc', '/en?x=1&y=2']) {
      expect(await cacheKey(target), target).toEqual([`/key/en${none}`, '0', '/key/en']);
    }
    expect((await cacheKey('/en/archive?page=2&utm_source=x'))[0]).toBe('/key/en/archive?page=2&q=&section=&tag=&year=&sort=&update=&v=&w=&f=');
    expect((await cacheKey('/ru/search?q=газ&sort=date&x=1'))[0]).toBe('/key/ru/search?page=&q=%D0%B3%D0%B0%D0%B7&section=&tag=&year=&sort=date&update=&v=&w=&f=');
    expect((await cacheKey('/media/s/p.jpg?v=abc123&w=320&f=webp&x=1'))[0]).toBe('/key/media/s/p.jpg?page=&q=&section=&tag=&year=&sort=&update=&v=abc123&w=320&f=webp');
  });

  it('keys on the path as sent, not as nginx normalizes it', async () => {
    expect((await cacheKey('/ru//news/a'))[0]).toBe(`/key/ru//news/a${none}`);
    expect((await cacheKey('/ru/news/%61'))[0]).toBe(`/key/ru/news/%61${none}`);
  });

  it('neither serves nor stores a query its key could misread', async () => {
    for (const target of ['?page=2&page=3', '?page=2&x=1&page=3', '?q=a&Q=b', '?PAGE=3', '?Page=3', '?page=', '?page', '?x=1&q', '?pag%65=3', '?x+y=1']) {
      expect((await cacheKey(`/en/archive${target}`))[1], target).toBe('1');
    }
    for (const target of ['?page=2', '?q=a%20b', '?q=a+b', '?apage=3&page=2', '?ref=1&f=webp', '?UTM=1']) {
      expect((await cacheKey(`/en/archive${target}`))[1], target).toBe('0');
    }
  });
});
