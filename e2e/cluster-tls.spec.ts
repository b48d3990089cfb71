import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import http2 from 'node:http2';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { expect, test } from '@playwright/test';
import { startCluster, type Cluster } from '../scripts/cluster/startCluster.ts';
import { missingTools } from '../scripts/cluster/tools.ts';
import { SEED } from './helpers';
import { rawRequest } from './rawRequest';

// HTTPS exactly as shipped: deploy/nginx.conf's TLS server in front of one instance of the e2e
// build (`npm run cluster -- --tls`'s code), with a certificate made for the run that these
// requests trust, and nothing else.

const missing = missingTools({ needOpenssl: true });

test.describe('HTTPS as shipped', () => {
  test.skip(Boolean(missing), missing ?? '');
  test.describe.configure({ mode: 'serial' });
  let root: string;
  let cluster: Cluster;
  let ca: Buffer;
  let port: number;

  test.beforeAll(async () => {
    test.setTimeout(60_000);
    root = await mkdtemp(path.join(tmpdir(), 'tls-content-'));
    await cp('tests/fixtures/content', root, { recursive: true });
    cluster = await startCluster({ instances: 1, tls: true, dist: '.next-e2e', contentDir: root, log: () => undefined });
    ca = await readFile(cluster.tls!.certificate);
    port = Number(new URL(cluster.url).port);
  });

  test.afterAll(async () => {
    test.setTimeout(30_000);
    await cluster?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  const get = (target: string, headers: http.OutgoingHttpHeaders = {}) => rawRequest(`https://localhost:${port}${target}`, { ca, headers });

  /** The TLS version agreed, or the error of a refused handshake. */
  const handshake = (options: tls.ConnectionOptions): Promise<string> =>
    new Promise((resolve) => {
      const socket = tls.connect({ host: '127.0.0.1', port, ca, servername: 'localhost', ...options }, () => {
        resolve(socket.getProtocol() ?? 'unknown');
        socket.end();
      });
      socket.on('error', (error) => resolve(`refused: ${error.message}`));
    });

  test('pages come over HTTPS with the app’s security headers once each, and HSTS for two years', async () => {
    const page = await get(`/en/news/${SEED}`);
    expect(page.status).toBe(200);
    expect(page.headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    // One of each: nginx adds none of the app's headers again (two CSPs are both enforced).
    expect(page.headers['content-security-policy']).not.toMatch(/, /);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(page.headers.server).toBe('nginx');
    // Every answer over HTTPS, a 404 too.
    const missingPage = await get('/en/news/no-such-story');
    expect(missingPage.status).toBe(404);
    expect(missingPage.headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
  });

  test('plain HTTP only redirects, to the same address over HTTPS, and sends no HSTS', async () => {
    const answer = await rawRequest(`${cluster.nginx.httpUrl}/ru/news/${SEED}?x=1`, { headers: { host: 'localhost' } });
    expect(answer.status).toBe(301);
    expect(answer.headers.location).toBe(`https://localhost:${port}/ru/news/${SEED}?x=1`);
    expect(answer.headers['strict-transport-security']).toBeUndefined();
  });

  test('TLS 1.2 and 1.3 only, HTTP/2 offered, and no handshake for a name that is not the site’s', async () => {
    expect(await handshake({ maxVersion: 'TLSv1.3', minVersion: 'TLSv1.3' })).toBe('TLSv1.3');
    expect(await handshake({ maxVersion: 'TLSv1.2' })).toBe('TLSv1.2');
    expect(await handshake({ maxVersion: 'TLSv1.1', minVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' })).toMatch(/^refused/);
    expect(await handshake({ servername: 'random.example', rejectUnauthorized: false })).toMatch(/^refused/);
    const session = http2.connect(`https://localhost:${port}`, { ca });
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const request = session.request({ ':path': '/ru' });
        request.on('response', (headers) => resolve(Number(headers[':status'])));
        request.on('error', reject);
        request.resume();
      });
      expect(session.alpnProtocol).toBe('h2');
      expect(status).toBe(200);
    } finally {
      session.close();
    }
  });
});
