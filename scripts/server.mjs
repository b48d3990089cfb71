#!/usr/bin/env node
// The production server: Next's request handler behind a plain Node HTTP server, so that
// - the app learns the TCP peer address: Next fills X-Forwarded-For from the socket only when a
//   client did not send one, which lets any client pose as any address; x-peer-address is always
//   overwritten here, and lib/views/clientAddress.ts believes X-Forwarded-For only from
//   TRUSTED_PROXIES; the other headers the site's layers use between themselves
//   (lib/http/internalHeaders.ts) are removed from every incoming request;
// - no reader gets the build's HTML for a story edited since the build, nor a cold instance: the
//   public port opens only once the content has been compared with the build (one POST
//   /api/revalidate to itself) and the hot pages and cards are rendered (lib/content/hotPaths.ts),
//   both on a loopback listener of the process's own, where the content watcher posts too;
// - pages go out without Next's client runtime, which has nothing to do on them
//   (scripts/server/frameworkScripts.ts), so the fixed script policy (`script-src 'self'`,
//   lib/security/securityHeaders.ts) holds on every page; each distinct page is transformed and
//   compressed once (scripts/server/heldDocuments.ts);
// - a story photo Next has answered once is sent again from memory until the content is loaded
//   again (scripts/server/immutableMedia.ts; MEDIA_MEMORY_MB, 0 turns it off);
// The request path itself, stage by stage, is scripts/server/requestPath.ts.
// - SIGTERM drains: /api/health answers 503, new connections are refused, requests in flight
//   finish (within SHUTDOWN_GRACE_MS), then the process exits 0.
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
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(2);
}

const { port, hostname, shutdownGraceMs: graceMs, mediaMemoryMb } = settings();

// Shared with the app's bundles through the process registry (lib/process/registry.ts).
launcherSlots.markPeerHeader();
const lifecycle = launcherSlots.lifecycle(() => ({ state: 'starting', since: Date.now() }));

// Next builds its own URL from this name and the port, and the proxy's rewrites from 'localhost':
// with any other name (HOSTNAME=127.0.0.1, a container's name) a rewritten request (?page=N, every
// 404) no longer looks like its own and is proxied over HTTP to itself, in a loop when that name
// does not reach this listener. The address bound is still HOSTNAME (server.listen below).
const app = next({ dev: false, hostname: 'localhost', port });
const documents = createEncodedDocuments({ transform: withoutFrameworkScripts });
const handle = app.getRequestHandler();
await app.prepare();

// The content served now is a new object after every load (lib/content/repository.ts).
const media = mediaMemoryMb > 0 ? createImmutableMedia({ generation: launcherSlots.contentServed, maxBytes: mediaMemoryMb * 1024 * 1024 }) : undefined;

let startup;
const inFlight = new Set();
const answer = createRequestPath({ handle, documents, media, lifecycle, startup: () => startup, inFlight });
// Readers' listener, opened last; and a loopback listener of the process's own, open first: the
// start-up comparison, the warm-up and the content watcher's reloads go there (whatever HOSTNAME
// is, a container's name included), so none of them waits for or competes with readers.
const server = createServer(answer);
server.keepAliveTimeout = 5_000;
const own = createServer(answer);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => drain(signal));
await new Promise((resolve) => own.listen(0, '127.0.0.1', resolve));
const ownOrigin = `http://127.0.0.1:${own.address().port}`;
launcherEnvironment.setInternalOrigin(ownOrigin);

/** Compares the content with the build (one POST /api/revalidate); returns the hot paths it names. */
async function compareWithBuild(origin) {
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    try {
      // No folder named: the first load (which starts once the content watcher is in place) is
      // the fresh read; the content watcher's own first call names none either. A full reload
      // here would read every folder a second time (a second at 10,000 stories).
      const response = await fetch(`${origin}/api/revalidate`, {
        method: 'POST',
        // This process's own token (lib/process/registry.ts), whatever REVALIDATE_SECRET is.
        headers: { authorization: `Bearer ${processToken()}`, 'content-type': 'application/json' },
        body: JSON.stringify({ slugs: [], hotPaths: true }),
      });
      if (response.ok) {
        const result = await response.json();
        if (result.changed.length > 0 || result.allStoryPages) {
          console.log(`[content] changed since the build: ${result.allStoryPages ? 'all story pages' : result.changed.join(', ')}`);
        }
        return result.hot ?? [];
      }
      console.error(`[content] comparing with the build: status ${response.status} (attempt ${attempt})`);
    } catch (error) {
      console.error(`[content] comparing with the build failed (attempt ${attempt}): ${error.message}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
  }
  return [];
}

/**
 * Asks for each hot path (lib/content/hotPaths.ts: front pages, the newest stories, their cards),
 * two at a time, before readers can connect: a fresh instance hit by 100 connections at once left
 * some of them waiting over 10 s while its code and pages were cold. A failure is logged, not fatal.
 */
async function warm(origin, hotPaths) {
  const started = performance.now();
  const queue = [...hotPaths];
  let failed = 0;
  const worker = async () => {
    for (let path = queue.shift(); path !== undefined && lifecycle.state === 'starting'; path = queue.shift()) {
      try {
        // As browsers ask (brotli first), so the page is compressed once here for them.
        const response = await fetch(origin + path, { headers: { 'accept-encoding': 'br, gzip' }, signal: AbortSignal.timeout(15_000) });
        await response.arrayBuffer();
        if (!response.ok) failed += 1;
      } catch {
        failed += 1;
      }
    }
  };
  await Promise.all([worker(), worker()]);
  console.log(`[server] warmed ${hotPaths.length - failed} of ${hotPaths.length} pages and cards in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

startup = compareWithBuild(ownOrigin);
await warm(ownOrigin, await startup);
// A SIGTERM during start-up wins: the instance stays draining and never opens to readers.
if (lifecycle.state === 'starting') {
  server.listen(port, hostname, () => {
    lifecycle.state = 'ready';
    lifecycle.since = Date.now();
    console.log(`Serving on http://localhost:${port}`);
  });
}

function drain(signal) {
  if (lifecycle.state === 'draining') return;
  lifecycle.state = 'draining';
  lifecycle.since = Date.now();
  console.log(`[server] ${signal}: finishing requests in flight (at most ${graceMs} ms)`);
  for (const response of inFlight) if (!response.headersSent) response.shouldKeepAlive = false;
  own.close();
  own.closeIdleConnections();
  // Not listening yet (a SIGTERM during start-up): the callback comes at once.
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(0);
  }, graceMs).unref();
}

