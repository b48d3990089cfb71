import { readFileSync } from 'node:fs';
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { hostileUrls, SEED_SLUG, type HostileUrl } from './fuzz/hostileUrls';
import { send, type FuzzResponse } from './fuzz/send';

const CONCURRENCY = 16;
const TIMEOUT_MS = 15_000;

// Bytes that only come from files outside the content root: /etc/passwd, /proc/self/environ,
// the project's package.json and config, a raw Markdown story, git metadata.
const PACKAGE_NAME = (JSON.parse(readFileSync('package.json', 'utf8')) as { name: string }).name;
const LEAK_MARKERS = ['root:x:0:0', 'PATH=/', `"name": "${PACKAGE_NAME}"`, '"devDependencies"', 'createNextIntlPlugin', '---\ntitle: ', 'repositoryformatversion'];

interface Result {
  url: HostileUrl;
  response: FuzzResponse;
}

const show = (result: Result) => `${result.url.category} ${JSON.stringify(result.url.target.slice(0, 160))} -> ${result.response.status ?? result.response.error}`;

test('thousands of hostile URLs: no 5xx, no redirect off the site, nothing from outside the content root', async ({ baseURL }) => {
  test.setTimeout(120_000);
  const base = new URL(baseURL!);
  const urls = hostileUrls();
  expect(urls.length).toBeGreaterThanOrEqual(10_000);

  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const results: Result[] = [];
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < urls.length) {
        const url = urls[next++]!;
        results.push({ url, response: await send(base, url.target, agent, TIMEOUT_MS) });
      }
    }),
  );
  agent.destroy();
  const seconds = (Date.now() - started) / 1000;

  const statuses: Record<string, number> = {};
  for (const { response } of results) statuses[response.status ?? 'none'] = (statuses[response.status ?? 'none'] ?? 0) + 1;
  const sentRaw = results.filter((r) => r.response.sentRaw).length;
  const summary = `${results.length} URLs in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(statuses)}; ${sentRaw} refused by Node's client and sent over a raw socket`;
  test.info().annotations.push({ type: 'url fuzz', description: summary });
  console.log(summary);

  const serverErrors = results.filter((r) => (r.response.status ?? 0) >= 500);
  const offSite = results.filter((r) => {
    const location = r.response.headers.location;
    if (!location || !r.response.status || r.response.status < 300 || r.response.status >= 400) return false;
    try {
      // Resolved as a browser resolves it: a backslash counts as a slash, so '/\host' leaves the site.
      return new URL(location, base).origin !== base.origin;
    } catch {
      return true; // a Location no browser could resolve on this site
    }
  });
  const leaks = results.filter((r) => LEAK_MARKERS.some((marker) => r.response.body.includes(marker)));
  const injectedHeaders = results.filter((r) => 'x-injected' in r.response.headers || (r.response.headers['set-cookie'] ?? '').includes('injected='));
  // No answer at all: a hang or a dropped connection for a request Node's client sent normally.
  const unanswered = results.filter((r) => r.response.error && !r.response.sentRaw);

  expect(serverErrors.map(show), 'no 5xx').toEqual([]);
  expect(offSite.map((r) => `${show(r)} Location: ${r.response.headers.location}`), 'no redirect off the site').toEqual([]);
  expect(leaks.map(show), 'no bytes from outside the content root').toEqual([]);
  expect(injectedHeaders.map(show), 'no header injected through the URL').toEqual([]);
  expect(unanswered.map((r) => `${show(r)}`), 'every request answered').toEqual([]);

  // And the server is still up and serving.
  const story = await send(base, `/ru/news/${SEED_SLUG}`, new http.Agent(), TIMEOUT_MS);
  expect(story.status).toBe(200);
});
