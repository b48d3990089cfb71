import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import nextConfig from '../../next.config';
import { cspViolations, parseCsp } from './csp';
import { contentSecurityPolicy, IMAGE_CONTENT_SECURITY_POLICY } from './securityHeaders';

async function configuredHeaders() {
  const rules = (await nextConfig.headers?.()) ?? [];
  expect(rules).toHaveLength(1);
  const [rule] = rules;
  return { source: rule!.source, headers: new Map(rule!.headers.map((h) => [h.key.toLowerCase(), h.value])) };
}

describe('next.config.ts headers()', () => {
  it('applies to every path, including the odd ones Next answers itself', async () => {
    const { source } = await configuredHeaders();
    // Next's own path compiler, with the options its router builds header routes with (server/lib/router-utils/filesystem.js):
    // strict, '/' as delimiter, and an optional trailing slash added to the end anchor.
    const { pathToRegexp } = createRequire(import.meta.url)('next/dist/compiled/path-to-regexp') as {
      pathToRegexp: (path: string, keys: unknown[], options: object) => RegExp;
    };
    const compiled = pathToRegexp(source, [], { delimiter: '/', sensitive: false, strict: true });
    const match = new RegExp(compiled.source.replace(/\$$/, '(?:\\/)?$'), compiled.flags);
    for (const path of ['/', '/ru', '/ru/news/x', '/ru/feed.xml', '/api/views', '/_next/static/chunks/a.js', '/_next/image', '/media/s/p.jpg', '/%E0%A4%A', '//evil.example', '/\\x']) {
      expect(match.test(path), path).toBe(true);
    }
  });

  it('sends a CSP that forbids plug-ins, framing, foreign scripts, eval and <base>', async () => {
    const { headers } = await configuredHeaders();
    const header = headers.get('content-security-policy')!;
    expect(cspViolations(header)).toEqual([]);
    const csp = parseCsp(header);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    // Fixed: the site's own script files, never an inline script, whatever a page contains.
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(header).not.toContain('unsafe-eval');
    expect(header).not.toMatch(/https?:|\*/);
  });

  it('sends nosniff, a strict referrer policy, a permissions policy, and no HSTS (nginx adds it over HTTPS)', async () => {
    const { headers } = await configuredHeaders();
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(headers.get('x-frame-options')).toBe('DENY');
    const permissions = headers.get('permissions-policy')!;
    for (const feature of ['camera', 'microphone', 'geolocation', 'interest-cohort', 'browsing-topics', 'payment', 'usb']) {
      expect(permissions).toContain(`${feature}=()`);
    }
    expect(headers.has('strict-transport-security')).toBe(false);
  });

  it('does not advertise the framework', () => {
    expect(nextConfig.poweredByHeader).toBe(false);
  });

  it('gives optimized images a policy that runs nothing', () => {
    expect(nextConfig.images?.contentSecurityPolicy).toBe(IMAGE_CONTENT_SECURITY_POLICY);
    expect(cspViolations(IMAGE_CONTENT_SECURITY_POLICY)).toEqual([]);
    expect(parseCsp(IMAGE_CONTENT_SECURITY_POLICY).get('script-src')).toEqual(["'none'"]);
    expect(parseCsp(IMAGE_CONTENT_SECURITY_POLICY).has('sandbox')).toBe(true);
  });

  it('allows inline scripts and eval in development only, where Next’s client needs them', () => {
    expect(parseCsp(contentSecurityPolicy({ dev: true })).get('script-src')).toEqual(["'self'", "'unsafe-inline'", "'unsafe-eval'"]);
    expect(contentSecurityPolicy()).not.toContain('unsafe-eval');
    expect(parseCsp(contentSecurityPolicy()).get('script-src')).toEqual(["'self'"]);
  });
});

describe('cspViolations', () => {
  it('catches a policy that lets in foreign scripts, plug-ins or framing', () => {
    expect(cspViolations("default-src 'self'; script-src 'self' https://cdn.example; object-src *; frame-ancestors *; base-uri 'self'; form-action 'self'")).toEqual([
      'object-src is "*"',
      'frame-ancestors is "*"',
      'script-src allows https://cdn.example',
    ]);
    expect(cspViolations("script-src 'self' 'unsafe-inline' 'sha256-abc='; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")).toEqual([
      "script-src allows 'unsafe-inline' 'sha256-abc='",
    ]);
    expect(cspViolations(undefined)).toEqual(['no Content-Security-Policy header']);
  });
});
