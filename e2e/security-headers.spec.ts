import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { cspViolations, parseCsp } from '../lib/security/csp';
import { contentSecurityPolicy } from '../lib/security/securityHeaders';
import { SEED } from './helpers';

/** The headers every response carries (next.config.ts headers(); HSTS comes from nginx over HTTPS). */
function expectSecurityHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  const csp = headers['content-security-policy'];
  expect(cspViolations(csp), `${what}: Content-Security-Policy ${csp}`).toEqual([]);
  expect(csp, what).not.toContain('unsafe-eval');
  // One fixed policy for every answer: the site's own script files, never an inline script.
  expect(csp, what).toBe(contentSecurityPolicy());
  expect(parseCsp(csp ?? '').get('script-src'), `${what}: script-src`).toEqual(["'self'"]);
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  for (const feature of ['camera', 'microphone', 'geolocation', 'interest-cohort']) {
    expect(headers['permissions-policy'], what).toContain(`${feature}=()`);
  }
  expect(headers['x-powered-by'], what).toBeUndefined();
  // The test server speaks plain HTTP: HSTS is nginx's to add, in its HTTPS server block.
  expect(headers['strict-transport-security'], what).toBeUndefined();
}

async function storyHtml(request: APIRequestContext) {
  const response = await request.get(`/ru/news/${SEED}`);
  expect(response.status()).toBe(200);
  return { response, html: await response.text() };
}

const unescape = (attribute: string) => attribute.replace(/&amp;/g, '&');

test.describe('security headers', () => {
  test('a story page', async ({ request }) => {
    const { response } = await storyHtml(request);
    expectSecurityHeaders(response, 'story page');
  });

  test('a 404 rendered after the proxy rewrite, and a 404 for an unknown locale', async ({ request }) => {
    for (const path of ['/ru/news/no-such-story', '/de/news/no-such-story']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expectSecurityHeaders(response, path);
    }
  });

  test('a 400 the proxy answers for a malformed path', async ({ request }) => {
    const response = await request.get('/ru/news/%E0%A4%A');
    expect(response.status()).toBe(400);
    expectSecurityHeaders(response, 'malformed path');
  });

  test('the RSS feed', async ({ request }) => {
    const response = await request.get('/ru/feed.xml');
    expect(response.status()).toBe(200);
    expectSecurityHeaders(response, 'feed');
  });

  test('a story card', async ({ request }) => {
    const response = await request.get(`/ru/news/${SEED}/opengraph-image`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
    expectSecurityHeaders(response, 'card');
  });

  test('the story photo, as the page links it', async ({ request }) => {
    const { html } = await storyHtml(request);
    const src = /<img[^>]*\ssrc="([^"]*(?:\/_next\/image|\/media\/)[^"]*)"/.exec(html)?.[1];
    expect(src, 'the story page shows its photo').toBeTruthy();
    const response = await request.get(unescape(src!));
    expect(response.status(), src).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^image\//);
    expectSecurityHeaders(response, `photo ${src}`);
  });

  test('a built script under /_next/static', async ({ request }) => {
    // Pages no longer link Next's scripts (scripts/server/frameworkScripts.ts): take one from the build.
    const chunk = readdirSync(path.join(process.env.NEXT_DIST_DIR!, 'static', 'chunks')).find((name) => name.endsWith('.js'));
    expect(chunk).toBeTruthy();
    const src = `/_next/static/chunks/${chunk}`;
    const response = await request.get(src);
    expect(response.status(), src).toBe(200);
    expectSecurityHeaders(response, `static ${src}`);
  });

  test('the view beacon refusing a bad body', async ({ request }) => {
    const response = await request.post('/api/views', { data: 'not a beacon', headers: { 'content-type': 'application/json' } });
    expect(response.status()).toBe(400);
    expectSecurityHeaders(response, 'POST /api/views');
  });

  for (const [what, path, status] of [
    ['a story page', `/ru/news/${SEED}`, 200],
    ['the front page', '/en', 200],
    ['a 404 rendered per request', '/en/news/no-such-story', 404],
  ] as const) {
    test(`${what} comes without Next's client runtime, and its one script is a file of the site's own`, async ({ page }) => {
      const refused: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
      });
      const story = path.includes('/news/') && status === 200;
      // A story's one script, the view beacon, shows it ran by its request.
      const beacon = story ? page.waitForRequest((r) => r.url().endsWith('/api/views') && r.method() === 'POST') : null;
      const response = await page.goto(path);
      expect(response?.status()).toBe(status);
      const html = await response!.text();
      expect(html).not.toMatch(/<script[^>]*\ssrc="\/_next\/static\//);
      expect(html).not.toContain('self.__next_f');
      expect(html).not.toContain('TURBOPACK');
      expect(parseCsp(response!.headers()['content-security-policy'] ?? '').get('script-src')).toEqual(["'self'"]);
      // No inline script is left to refuse (JSON-LD is data, not a script); a story links the beacon.
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map(([, attributes]) => attributes!);
      expect(scripts.filter((attributes) => !/\ssrc=/.test(attributes) && !/type="application\/ld\+json"/.test(attributes))).toEqual([]);
      expect(scripts.filter((attributes) => /\ssrc="\/view-beacon\.js"/.test(attributes))).toHaveLength(story ? 1 : 0);
      if (beacon) {
        await beacon;
        // (A beacon's body is a Blob, which the request event does not carry: the script's data says what it sent.)
        await expect(page.locator('script[data-slug]')).toHaveAttribute('data-slug', SEED);
        await expect(page.locator('script[data-slug]')).toHaveAttribute('data-locale', 'ru');
      }
      // The page is all there: its headline (or the 404's heading) is rendered by the server.
      expect((await page.locator('h1').first().textContent())?.trim()).toBeTruthy();
      expect(refused).toEqual([]);
    });
  }

  test('an inline script injected into a page at the last step is refused by the browser, and the page still counts its view', async ({ page }) => {
    // What a sanitizer gap or a poisoned cache entry would put in a page: the policy, fixed per
    // build, does not follow what the response contains.
    await page.route(`**/ru/news/${SEED}`, async (route) => {
      const original = await route.fetch();
      const headers = { ...original.headers() };
      delete headers['content-encoding'];
      delete headers['content-length'];
      const body = (await original.text()).replace('</body>', '<script>document.documentElement.dataset.injected = "ran"</script></body>');
      await route.fulfill({ status: original.status(), headers, body });
    });
    const refused = page.waitForEvent('console', (message) => /Content Security Policy/i.test(message.text()));
    const beacon = page.waitForRequest((r) => r.url().endsWith('/api/views') && r.method() === 'POST');
    const response = await page.goto(`/ru/news/${SEED}`);
    expect(response?.status()).toBe(200);
    expect(await response!.text()).toContain('dataset.injected = "ran"');
    expect((await refused).text()).toMatch(/inline script/i);
    await beacon;
    expect(await page.evaluate(() => document.documentElement.dataset.injected)).toBeUndefined();
  });

  test('the policy is the same string on every answer of the build', async ({ request }) => {
    const { html } = await storyHtml(request);
    const photo = unescape(/<img[^>]*\ssrc="([^"]*\/media\/[^"]*)"/.exec(html)![1]!);
    const paths = ['/ru', '/en', `/ru/news/${SEED}`, `/en/news/${SEED}`, '/ru/section/energy', '/en/archive', '/en/search?q=gas', '/ru/news/no-such-story', '/wp-login.php',
      '/ru/feed.xml', '/sitemap.xml', '/robots.txt', `/en/news/${SEED}/opengraph-image`, photo, '/view-beacon.js', '/api/health', '/ru/news/%E0%A4%A'];
    const policies = new Map<string, string[]>();
    for (const path of paths) {
      const policy = (await request.get(path, { maxRedirects: 0 })).headers()['content-security-policy'] ?? '(none)';
      policies.set(policy, [...(policies.get(policy) ?? []), path]);
    }
    expect([...policies.keys()]).toEqual([contentSecurityPolicy()]);
  });
});
