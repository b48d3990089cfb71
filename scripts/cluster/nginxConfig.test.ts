import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { selfSignedCertificate } from './certificate.ts';
import { checkConfig, writeConfig } from './nginx.ts';
import { failTimeoutMs, rewriteSiteConfig } from './nginxConfig.ts';
import { findNginx } from './tools.ts';

// npm run cluster serves deploy/nginx.conf itself, rewritten at its `# cluster:` markers: an edit
// of the production file that drops a marker or breaks the syntax fails here, not in a cluster run.
const template = await readFile(path.join(import.meta.dirname, '..', '..', 'deploy', 'nginx.conf'), 'utf8');
const options = { upstreams: ['127.0.0.1:4001', '127.0.0.1:4002', '127.0.0.1:4003'], listen: '127.0.0.1:8080', httpListen: '127.0.0.1:8079', cacheDir: '/tmp/c/cache' };
const tls = { certificate: '/tmp/c/tls/certificate.pem', key: '/tmp/c/tls/key.pem' };

describe('the cluster’s nginx config', () => {
  it('lists every instance with the production parameters', () => {
    const site = rewriteSiteConfig(template, options);
    const servers = site.match(/^\s*server 127\.0\.0\.1:\d+ .*;/gm) ?? [];
    expect(servers.map((line) => line.trim())).toEqual(
      options.upstreams.map((address) => `server ${address} max_fails=1 fail_timeout=2s;`),
    );
    expect(site).toMatch(/^\s*listen 127\.0\.0\.1:8080;/m);
    // Other names are dropped by the default server; the cluster's own names are the site's.
    expect(site).toMatch(/^\s*listen 127\.0\.0\.1:8080 default_server;/m);
    expect(site).toMatch(/^\s*server_name news\.example\.org localhost 127\.0\.0\.1;/m);
    expect(site).toMatch(/^\s*access_log \/dev\/null news_anonymized;/m);
    expect(site).toMatch(/^proxy_cache_path \/tmp\/c\/cache levels=1:2 keys_zone=news:50m /m);
    expect(site).toMatch(/^\s*proxy_cache news;/m);
    expect(failTimeoutMs(template)).toBe(2_000);
  });

  it('changes nothing else: retries, limits and header fallbacks stay as in production', () => {
    const site = rewriteSiteConfig(template, options);
    const unmarked = (text: string) => text.split('\n').filter((line) => !line.includes('# cluster:'));
    expect(unmarked(site)).toEqual(unmarked(template));
    expect(template).toMatch(/^\s*proxy_next_upstream error timeout http_502;/m);
    // nginx counts every status listed there against max_fails: the app's 503 (busy, Retry-After)
    // and 429 must never take an instance out (e2e/cluster.spec.ts, the photo storm).
    expect(template).not.toMatch(/^\s*proxy_next_upstream [^;]*http_(503|429)/m);
    // A POST sent to one instance is never sent to another (a view counted twice).
    expect(template).not.toMatch(/^\s*proxy_next_upstream [^;]*non_idempotent/m);
  });

  it('serves HTTPS as shipped with --tls: the site on HTTP/2 with the run’s certificate, plain HTTP only redirecting to it', () => {
    const site = rewriteSiteConfig(template, { ...options, tls });
    expect(site).toMatch(/^\s*listen 127\.0\.0\.1:8080 ssl http2;/m);
    expect(site).toMatch(/^\s*listen 127\.0\.0\.1:8080 default_server ssl;/m);
    expect(site).toMatch(/^\s*ssl_certificate \/tmp\/c\/tls\/certificate\.pem;/m);
    expect(site).toMatch(/^\s*ssl_certificate_key \/tmp\/c\/tls\/key\.pem;/m);
    expect(site).toMatch(/^\s*ssl_protocols TLSv1\.2 TLSv1\.3;/m);
    expect(site).toMatch(/^\s*listen 127\.0\.0\.1:8079;/m);
    expect(site).toMatch(/^\s*return 301 https:\/\/\$host:8080\$request_uri;/m);
    // The production file itself: TLS 1.2+ only, HSTS on HTTPS answers only.
    expect(template).toMatch(/^\s*listen 443 ssl http2;/m);
    expect(template).toMatch(/^\s*ssl_protocols TLSv1\.2 TLSv1\.3;/m);
    expect(template).toMatch(/^\s*https\s+"max-age=63072000; includeSubDomains";/m);
  });

  it('without --tls has no TLS line at all: the same site over plain HTTP', () => {
    const site = rewriteSiteConfig(template, options);
    const directives = site.split('\n').filter((line) => !/^\s*#/.test(line));
    expect(directives.filter((line) => /^\s*ssl_|\bssl\b/.test(line.replace(/#.*/, '')))).toEqual([]);
    expect(site).toMatch(/^\s*listen 127\.0\.0\.1:8080;/m);
  });

  it('can turn the micro-cache off', () => {
    const site = rewriteSiteConfig(template, { ...options, cache: false });
    expect(site).toMatch(/^\s*proxy_cache off;/m);
    expect(site).not.toMatch(/^\s*proxy_cache news;/m);
  });

  it('refuses a template whose markers are missing', () => {
    expect(() => rewriteSiteConfig(template.replace('# cluster: listen', ''), options)).toThrow(/cluster: listen/);
    expect(() => rewriteSiteConfig(template.replaceAll('# cluster: upstream', ''), options)).toThrow(/upstream/);
    expect(() => rewriteSiteConfig(template.replace('# cluster: server name', ''), options)).toThrow(/server name/);
    expect(() => rewriteSiteConfig(template.replace('# cluster: listen default', ''), options)).toThrow(/listen default/);
  });

  it.skipIf(!findNginx())('passes nginx -t, cached and not, over HTTPS and not', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'nginx-config-test-'));
    try {
      const certificate = await selfSignedCertificate(path.join(dir, 'tls'));
      for (const [cache, withTls] of [[true, false], [false, false], [true, true]] as const) {
        const file = await writeConfig({ template, dir, port: 8080, httpPort: 8079, tls: withTls ? certificate : undefined, upstreams: options.upstreams, cache });
        expect(checkConfig(findNginx()!, dir, file)).toBeUndefined();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
