import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Next compiles the proxy, pages and route handlers into separate bundles of one process: state
// in a module variable would exist once per bundle (two salts caches, two outage flags, a rate
// limit per bundle). Every process-wide value in lib/views goes through processSingleton.
describe('process-wide state in lib/views', () => {
  const sources = readdirSync(import.meta.dirname)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => ({ name, text: readFileSync(path.join(import.meta.dirname, name), 'utf8') }));

  it('has no module-level variables or collections (constants aside)', () => {
    for (const { name, text } of sources) {
      expect(text, name).not.toMatch(/^(?:export )?(?:let|var) /m);
      expect(text, name).not.toMatch(/^(?:export )?const \w+(?::[^=]+)? = new (?:Map|Set|WeakMap|WeakSet|Array)\b/m);
      expect(text, name).not.toMatch(/globalThis/);
    }
  });

  it('keeps Popular, salts, outage flags, the store and the limiter in processSingleton', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'process-state-'));
    process.env.VIEWS_DB = path.join(dir, 'views.db');
    delete process.env.REDIS_URL;
    try {
      const { popularSlugs } = await import('./popular');
      const { handleBeacon } = await import('./beacon');
      const { viewsStore } = await import('./storeFromEnv');
      const { beaconRateLimiter } = await import('./rateLimiterFromEnv');
      await popularSlugs();
      await handleBeacon(
        new Request('http://localhost/api/views', {
          method: 'POST',
          body: '{"slug":"a","locale":"ru"}',
          headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0', 'x-peer-address': '203.0.113.5' },
        }),
        { store: viewsStore, storyExists: async () => true, limiter: beaconRateLimiter, siteOrigin: 'http://localhost' },
      );
      const slot = (name: string) => (globalThis as unknown as Record<symbol, unknown>)[Symbol.for(`bilingual-news:${name}`)];
      for (const name of ['views:popular', 'views:salts', 'views:storeHealth', 'views:store', 'views:rateLimiter']) {
        expect(slot(name), name).toBeDefined();
      }
      expect((slot('views:popular') as { fresh?: unknown }).fresh).toBeDefined();
      await (await viewsStore()).close();
    } finally {
      delete process.env.VIEWS_DB;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
