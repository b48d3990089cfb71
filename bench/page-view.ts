// What one reader's story page view costs the server in CPU time, photos included: a phone-sized
// Chromium opens a story and scrolls to its end (so lazy photos load too), and the server
// process's CPU time (all its threads: Next, the photo encoder) is read from /proc before and
// after. Cold: the first view of each story on a server started with an empty photo cache, so
// every photo the page shows is encoded; warm: the same story again in a fresh browser (nothing
// cached on the reader's side), which is the baseline.
// Usage: npm run bench:page-view [-- --stories N] [--quick]   (Linux: reads /proc)
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { startProductionServer } from '../e2e/productionServer';
import { freePort } from './load';
import { formatFigure, printFigure, type Figure } from './report';
import { cpuMs, storyPathsIn } from './pages';
import { percentile } from './stats';

/** A phone's view of a page: loaded, scrolled to the end, every photo in. */
async function view(browser: Browser, url: string): Promise<{ photos: number }> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
  try {
    const page = await context.newPage();
    let photos = 0;
    page.on('requestfinished', (request) => {
      if (new URL(request.url()).pathname.startsWith('/media/')) photos += 1;
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForFunction(() => [...document.images].every((img) => img.complete), undefined, { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    return { photos };
  } finally {
    await context.close();
  }
}

async function storyPaths(origin: string, count: number): Promise<string[]> {
  const html = await (await fetch(`${origin}/ru`)).text();
  return storyPathsIn(html, 'ru').slice(0, count);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { stories: { type: 'string' }, quick: { type: 'boolean', default: false } } });
  const count = Number(values.stories ?? (values.quick ? 2 : 6));
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-page-view-'));
  const port = await freePort();
  const server = await startProductionServer(port, { DATA_DIR: dataDir, VIEWS_DB: path.join(dataDir, 'views.db') });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const stories = await storyPaths(server.origin, count);
    console.log(`page-view: ${stories.length} stories on ${server.origin}, a 412 × 823 phone at 1.75x, server CPU from /proc/${server.pid}/stat`);
    const cold: number[] = [];
    const warm: number[] = [];
    for (const story of stories) {
      const before = cpuMs(server.pid);
      const { photos } = await view(browser, server.origin + story);
      const afterCold = cpuMs(server.pid);
      await view(browser, server.origin + story);
      const afterWarm = cpuMs(server.pid);
      cold.push(afterCold - before);
      warm.push(afterWarm - afterCold);
      console.log(`  ${story}: ${photos} photos, cold ${afterCold - before} ms, warm ${afterWarm - afterCold} ms of server CPU`);
    }
    const figures: Figure[] = [
      { name: 'page-view.cold.cpu.p50', value: percentile(cold, 50), unit: 'ms', baseline: percentile(warm, 50) },
      { name: 'page-view.cold.cpu.max', value: Math.max(...cold), unit: 'ms' },
      { name: 'page-view.warm.cpu.p50', value: percentile(warm, 50), unit: 'ms' },
    ];
    for (const figure of figures) {
      console.log(formatFigure(figure));
      printFigure(figure);
    }
  } finally {
    await browser.close();
    server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  await main();
  process.exit(0);
}
