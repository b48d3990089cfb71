import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { parseCsp } from '../lib/security/csp';
import { SEED } from './helpers';
import { startProductionServer } from './productionServer';

const PORT = 3292;

// CLIENT_RUNTIME=on: the same build served with Next's client runtime kept (the default strips
// it, e2e/security-headers.spec.ts). Its scripts must load and run under the hashed policy, and
// the page must hydrate (links stay plain links: moving between pages is a page load either way).
test.describe('with CLIENT_RUNTIME=on', () => {
  let server: Awaited<ReturnType<typeof startProductionServer>> | undefined;

  test.beforeAll(async () => {
    server = await startProductionServer(PORT, { CLIENT_RUNTIME: 'on', VIEWS_DB: path.join(os.tmpdir(), `e2e-client-runtime-${process.pid}.db`) });
  });
  test.afterAll(() => {
    server?.stop();
  });

  test("a story keeps Next's scripts, runs them under a policy that names its inline ones by hash, and hydrates", async ({ page }) => {
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    const response = await page.goto(`${server!.origin}/ru/news/${SEED}`);
    expect(response?.status()).toBe(200);
    const html = await response!.text();
    expect(html).toMatch(/<script[^>]*\ssrc="\/_next\/static\//);
    expect(html).toContain('self.__next_f');
    const scriptSrc = parseCsp(response!.headers()['content-security-policy'] ?? '').get('script-src') ?? [];
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    const inline = (html.match(/<script(?![^>]*\ssrc=)[^>]*>/g) ?? []).filter((tag) => !/type="application\/ld\+json"/.test(tag)).length;
    expect(scriptSrc.filter((source) => source.startsWith("'sha256-")).length, 'one hash per distinct inline script').toBeGreaterThan(1);
    expect(inline).toBeGreaterThan(1);

    // Hydrated: React has attached its fiber to the server-rendered headline.
    await expect
      .poll(() => page.locator('h1').first().evaluate((h1) => Object.keys(h1).some((key) => key.startsWith('__reactFiber$'))))
      .toBe(true);
    expect(refused).toEqual([]);
  });
});
