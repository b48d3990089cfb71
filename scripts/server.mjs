#!/usr/bin/env node
// The production server: Next's request handler behind a plain Node HTTP server, whose request
// path (scripts/server/requestPath.ts, drawn in docs/request-path.md) sets the TCP peer's address,
// drops the headers only the site's own layers may set and compresses with one compressor. Its
// port opens once the content is compared with the build and the hot pages are warm; SIGTERM
// drains (/api/health answers 503, requests in flight finish within SHUTDOWN_GRACE_MS), exits 0.
import { createServer } from 'node:http';
import next from 'next';
import { exitUnlessSupportedNode } from './runtime/supportedNode.mjs';

exitUnlessSupportedNode('The server (scripts/server.mjs)');
// TypeScript that Node runs itself (type stripping, Node 26), shared with the app and the tests.
// Imported after the check, so an older Node gets its message, not a loader error.
const { launcherEnvironment, settings, startupProblems } = await import('../lib/config/settings.ts');
const { launcherSlots, processToken } = await import('../lib/process/registry.ts');
const { createRequestPath } = await import('./server/requestPath.ts');
const { createEncodedDocuments } = await import('./server/encodedDocuments.ts');
const { withoutFrameworkScripts } = await import('./server/frameworkScripts.ts');
const { createImmutableMedia } = await import('./server/immutableMedia.ts');

// Every setting checked before anything starts (lib/config/settings.ts): a bad one is named.
const problems = startupProblems();
for (const problem of problems) console.error(problem);
if (problems.length > 0) process.exit(2);

const { port, hostname, shutdownGraceMs: graceMs, mediaMemoryMb } = settings();

// Shared with the app's bundles through the process registry (lib/process/registry.ts).
launcherSlots.markPeerHeader();
const lifecycle = launcherSlots.lifecycle(() => ({ state: 'starting', since: Date.now() }));

// Next's rewrites (?page=N, every 404) look like its own only under 'localhost': under any other
// name (HOSTNAME=127.0.0.1, a container's) they are proxied over HTTP to itself, in a loop when
// that name does not reach this listener. The address bound is still HOSTNAME (server.listen).
const app = next({ dev: false, hostname: 'localhost', port });
await app.prepare();

const inFlight = new Set();
const answer = createRequestPath({
  handle: app.getRequestHandler(),
  documents: createEncodedDocuments({ transform: withoutFrameworkScripts }),
  // The content served now is a new object after every load (lib/content/repository.ts).
  media: mediaMemoryMb > 0 ? createImmutableMedia({ generation: launcherSlots.contentServed, maxBytes: mediaMemoryMb * 1024 * 1024 }) : undefined,
  lifecycle,
  inFlight,
});
// Readers' listener, opened last; and a loopback listener of the process's own, open first: the
// start-up comparison, the warm-up and the content watcher's reloads go there (whatever HOSTNAME
// is, a container's name included), so none of them waits for or competes with readers.
const server = createServer(answer);
server.keepAliveTimeout = 5_000;
const own = createServer(answer);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => drain(signal));
// A port already taken (another instance) ends the process: Next's handler would log and go on.
for (const listener of [server, own]) listener.once('error', (error) => (console.error(`[server] ${error.message}`), process.exit(1)));
await new Promise((resolve) => own.listen(0, '127.0.0.1', resolve));
const ownOrigin = `http://127.0.0.1:${own.address().port}`;
launcherEnvironment.setInternalOrigin(ownOrigin);

/** Compares the content with the build (one POST /api/revalidate); returns the hot paths it names. */
async function compareWithBuild(origin) {
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    try {
      // No folder named: the first load is the fresh read (a full reload would read every folder
      // twice). The token is this process's own (lib/process/registry.ts), whatever REVALIDATE_SECRET is.
      const headers = { authorization: `Bearer ${processToken()}`, 'content-type': 'application/json' };
      const response = await fetch(`${origin}/api/revalidate`, { method: 'POST', headers, body: JSON.stringify({ slugs: [], hotPaths: true }) });
      if (!response.ok) throw new Error(`status ${response.status}`);
      const result = await response.json();
      const changed = result.allStoryPages ? 'all story pages' : result.changed.join(', ');
      if (changed) console.log(`[content] changed since the build: ${changed}`);
      return result.hot ?? [];
    } catch (error) {
      console.error(`[content] comparing with the build failed (attempt ${attempt}): ${error.message}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
  }
  return [];
}

/**
 * Asks for each hot path (lib/content/hotPaths.ts), two at a time, as browsers do (brotli), before
 * readers connect: 100 connections at once on a cold instance waited up to 10 s. A failure is
 * logged, not fatal. The card worker then stops (docs/sharing.md): its cards are kept.
 */
async function warm(origin, paths) {
  const started = performance.now();
  let failed = 0;
  const worker = async () => {
    for (let path = paths.shift(); path !== undefined && lifecycle.state === 'starting'; path = paths.shift()) {
      const ok = await fetch(origin + path, { headers: { 'accept-encoding': 'br' }, signal: AbortSignal.timeout(15_000) }).then(async (response) => (await response.arrayBuffer(), response.ok), () => false);
      if (!ok) failed += 1;
    }
  };
  const total = paths.length;
  await Promise.all([worker(), worker()]);
  launcherSlots.restCardDrawer();
  console.log(`[server] warmed ${total - failed} of ${total} pages and cards in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

await warm(ownOrigin, await compareWithBuild(ownOrigin));
// A SIGTERM during start-up wins: the instance stays draining and never opens to readers.
if (lifecycle.state === 'starting') {
  server.listen(port, hostname, () => {
    Object.assign(lifecycle, { state: 'ready', since: Date.now() });
    console.log(`Serving on http://localhost:${port}`);
  });
}

function drain(signal) {
  if (lifecycle.state === 'draining') return;
  Object.assign(lifecycle, { state: 'draining', since: Date.now() });
  console.log(`[server] ${signal}: finishing requests in flight (at most ${graceMs} ms)`);
  for (const response of inFlight) if (!response.headersSent) response.shouldKeepAlive = false;
  // close() also closes idle kept-alive connections; not listening yet (start-up), it calls back at once.
  own.close();
  server.close(() => process.exit(0));
  setTimeout(() => (server.closeAllConnections(), process.exit(0)), graceMs).unref();
}

