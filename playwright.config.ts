import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium where it is installed (this machine and CI have no browser download), else
// Playwright's own browser (a laptop after `npx playwright install chromium`).
const systemChromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (candidate): candidate is string => Boolean(candidate && existsSync(candidate)),
);

const port = Number(process.env.E2E_PORT ?? 3210);
// The suite reads frozen fixture content, built into its own folder (scripts/test-all.sh): an
// editor adding a story to content/ never changes what the tests see.
process.env.CONTENT_DIR ??= 'tests/fixtures/content';
process.env.NEXT_DIST_DIR ??= '.next-e2e';
// Photos are not encoded ahead under test (each spec asks for the encodes it checks, on 2 cores);
// e2e/encode-ahead.spec.ts turns it on for its own server.
process.env.ENCODE_AHEAD_STORIES ??= '0';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  // No retries: a test that passes only on a second try is a failure to fix, not to hide.
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  // The JSON report is what scripts/test-all.sh counts.
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    launchOptions: systemChromium
      ? {
          executablePath: systemChromium,
          args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
        }
      : undefined,
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'] } },
  ],
  webServer: {
    // The production build, as readers get it (scripts/test-all.sh builds first).
    command: 'node scripts/server.mjs',
    url: `http://localhost:${port}/ru`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    env: {
      NODE_ENV: 'production',
      CONTENT_DIR: process.env.CONTENT_DIR,
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR,
      ENCODE_AHEAD_STORIES: process.env.ENCODE_AHEAD_STORIES,
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      SITE_URL: `http://localhost:${port}`,
      // A fresh views store per run (scripts/test-all.sh clears reports/).
      VIEWS_DB: 'reports/e2e-views.db',
    },
  },
});
