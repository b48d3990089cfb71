import { stat } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayKey } from '../../lib/views/days';
import { openRedisStore } from '../../lib/views/redisStore';
import { freePorts } from './ports.ts';
import { redisServer } from './redis.ts';
import { findRedisServer } from './tools.ts';

// The cluster's Redis as production runs it (docs/operations.md): a password, an ACL user that
// reaches only the site's keys, a folder only its user reads, and a check that the server
// answering on its port is the one it started.

const binary = findRedisServer();

describe.skipIf(!binary)('the cluster’s Redis', () => {
  let dir: string;
  let server: ReturnType<typeof redisServer>;
  let client: Redis;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cluster-redis-test-'));
    const [port] = await freePorts(1);
    server = redisServer({ binary: binary!, port: port!, dir: path.join(dir, 'redis') });
    await server.start();
    client = new Redis(server.url, { maxRetriesPerRequest: 0 });
    client.on('error', () => {});
  });

  afterAll(async () => {
    client?.disconnect();
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps its folder to its own user and its password out of the URL it shows', async () => {
    expect((await stat(path.join(dir, 'redis'))).mode & 0o777).toBe(0o700);
    expect(server.url).toMatch(/^redis:\/\/news:[\w-]{20,}@127\.0\.0\.1:\d+$/);
    expect(server.shownUrl).not.toContain(new URL(server.url).password);
  });

  it('refuses a client without the password', async () => {
    const anonymous = new Redis(`redis://127.0.0.1:${server.port}`, { maxRetriesPerRequest: 0, lazyConnect: true, retryStrategy: () => null });
    anonymous.on('error', () => {});
    try {
      await anonymous.connect().catch(() => undefined);
      await expect(anonymous.get('news:anything')).rejects.toThrow(/NOAUTH|NOPERM|closed|WRONGPASS/i);
    } finally {
      anonymous.disconnect();
    }
  });

  it('lets the site reach its own keys and nothing else: no other prefix, no dangerous command', async () => {
    expect(await client.set('news:probe', '1')).toBe('OK');
    await expect(client.set('other:probe', '1')).rejects.toThrow(/NOPERM/);
    await expect(client.call('CONFIG', 'GET', 'dir')).rejects.toThrow(/NOPERM/);
    await expect(client.flushall()).rejects.toThrow(/NOPERM/);
    await expect(client.keys('*')).rejects.toThrow(/NOPERM/);
    // The views store works as it is.
    const store = await openRedisStore(server.url);
    try {
      const today = dayKey(new Date());
      expect(await store.salt(today)).toBeTruthy();
      expect(await store.record({ slug: 'a', day: today, reader: 'r1' })).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('does not take another process on its port for its own server', async () => {
    const squatter = net.createServer((socket) => {
      socket.on('error', () => {});
      socket.end('-ERR not redis\r\n');
    });
    const [port] = await freePorts(1);
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    try {
      const impostor = redisServer({ binary: binary!, port: port!, dir: path.join(dir, 'second') });
      await expect(impostor.start()).rejects.toThrow(/another process answers on that port/);
    } finally {
      squatter.close();
    }
  });
});
