// nginx's configuration for a local cluster, made from deploy/nginx.conf itself so the cluster
// tests the production file rather than a look-alike. Only the lines marked `# cluster: …` change;
// a missing marker is an error, never a silently different config.
import path from 'node:path';
import type { TlsFiles } from './certificate.ts';

const UPSTREAM = /^([ \t]*)server[ \t]+\S+([^;\n]*);[ \t]*# cluster: upstream[ \t]*$/gm;
/** A line marked `# cluster: {marker}`, exactly: its indentation, directive and arguments. */
const marked = (marker: string) => new RegExp(`^([ \\t]*)(\\S+)([^;\\n]*);[ \\t]*# cluster: ${marker}[ \\t]*$`, 'gm');

/** Each line marked `# cluster: {marker}` (at least `min` of them) replaced by `line(indent, directive, args)`; a line of '' is removed. */
function rewriteMarked(text: string, marker: string, line: (indent: string, directive: string, args: string) => string, { min = 1, max = 1 } = {}): string {
  const pattern = marked(marker);
  const found = text.match(pattern)?.length ?? 0;
  if (found < min || found > max) throw new Error(`deploy/nginx.conf: expected ${min === max ? min : `${min} to ${max}`} line${max === 1 ? '' : 's'} marked "# cluster: ${marker}", found ${found}`);
  return text.replace(pattern, (_, indent: string, directive: string, args: string) => {
    const replaced = line(indent, directive, args.trim());
    return replaced === '' ? '\0' : `${indent}${replaced};  # cluster: ${marker}`;
  });
}

/** The names the cluster is asked by, besides the production one (tests and benchmarks use both). */
const LOCAL_NAMES = ['localhost', '127.0.0.1'];

export interface SiteConfigOptions {
  /** The instances, "127.0.0.1:PORT" each. */
  upstreams: string[];
  listen: string;
  httpListen: string;
  tls?: TlsFiles;
  cacheDir: string;
  accessLog?: string;
  cache?: boolean;
}

/**
 * deploy/nginx.conf for a cluster on this machine: its upstream servers (each with the first
 * marked line's parameters: max_fails, fail_timeout); the site on `listen` (HTTPS with `tls`,
 * whose certificate and key replace the production paths; else plain HTTP and no TLS line at
 * all); the plain HTTP server that redirects to it on `httpListen`; the default server that drops
 * other names on both; local names; the access log and cache folder; `cache: false` turns the
 * micro-cache off (for measuring the instances themselves).
 */
export function rewriteSiteConfig(template: string, { upstreams, listen, httpListen, tls, cacheDir, accessLog = '/dev/null', cache = true }: SiteConfigOptions): string {
  if (upstreams.length === 0) throw new Error('a cluster needs at least one upstream');
  const markedUpstreams = [...template.matchAll(UPSTREAM)];
  if (markedUpstreams.length === 0) throw new Error('deploy/nginx.conf: no upstream server line marked "# cluster: upstream"');
  const [, indent, parameters] = markedUpstreams[0]!;
  let first = true;
  let text = template.replace(UPSTREAM, () => {
    if (!first) return '\0';
    first = false;
    return upstreams.map((address) => `${indent}server ${address}${parameters};  # cluster: upstream`).join('\n');
  });

  const tlsPort = listen.split(':').pop();
  text = rewriteMarked(text, 'listen', () => `listen ${listen}${tls ? ' ssl http2' : ''}`);
  text = rewriteMarked(text, 'listen default', () => `listen ${listen} default_server${tls ? ' ssl' : ''}`);
  text = rewriteMarked(text, 'listen http', () => `listen ${httpListen}`);
  text = rewriteMarked(text, 'listen default http', () => `listen ${httpListen} default_server`);
  text = rewriteMarked(text, 'https redirect', () => `return 301 https://$host:${tlsPort}$request_uri`);
  text = rewriteMarked(text, 'server name', (_, directive, names) => `${directive} ${names} ${LOCAL_NAMES.join(' ')}`, { min: 2, max: 2 });
  text = rewriteMarked(text, 'tls certificate', (_, directive) => (tls ? `${directive} ${tls.certificate}` : ''));
  text = rewriteMarked(text, 'tls key', (_, directive) => (tls ? `${directive} ${tls.key}` : ''));
  text = rewriteMarked(text, 'tls', (_, directive, args) => (tls ? `${directive} ${args}` : ''), { min: 1, max: 20 });
  // The first argument (a path) replaced, the others kept.
  const withPath = (directive: string, args: string, replacement: string) => [directive, replacement, ...args.split(/\s+/).slice(1)].join(' ');
  text = rewriteMarked(text, 'access log', (_, directive, args) => withPath(directive, args, accessLog));
  text = rewriteMarked(text, 'cache path', (_, directive, args) => withPath(directive, args, cacheDir));
  text = rewriteMarked(text, 'cache', (_, directive, args) => `${directive} ${cache ? args : 'off'}`);
  // The lines taken out go, newline included.
  return text.replace(/\0\n/g, '');
}

/** How long nginx keeps a failed instance out (fail_timeout of the upstream lines), in ms. */
export function failTimeoutMs(template: string): number {
  const line = [...template.matchAll(UPSTREAM)][0];
  const match = /fail_timeout=(\d+)(ms|s|m)?\b/.exec(line?.[2] ?? '');
  // nginx's default when the parameter is absent.
  if (!match) return 10_000;
  return Number(match[1]) * (({ ms: 1, s: 1000, m: 60_000 } as Record<string, number>)[match[2] ?? 's'] ?? 1000);
}

/**
 * The main file around the site config: everything deploy/nginx.conf leaves to the distribution's
 * /etc/nginx/nginx.conf, here inside the cluster's own folder so no root-owned path is touched.
 * One worker: the instances and the load generator share this machine's cores.
 */
export function mainConfig(dir: string, siteFile: string): string {
  const at = (name: string) => path.join(dir, name);
  return `# Generated by scripts/cluster.mjs from deploy/nginx.conf; rewritten on every start.
daemon off;
master_process on;
worker_processes 1;
pid ${at('nginx.pid')};
error_log ${at('error.log')} warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path ${at('temp/body')};
    proxy_temp_path ${at('temp/proxy')};
    fastcgi_temp_path ${at('temp/fastcgi')};
    uwsgi_temp_path ${at('temp/uwsgi')};
    scgi_temp_path ${at('temp/scgi')};
    include ${siteFile};
}
`;
}
