#!/usr/bin/env node
// The production server: Next's request handler behind a plain Node HTTP server, so that
// - the app learns the TCP peer address: Next fills X-Forwarded-For from the socket only when a
//   client did not send one, which lets any client pose as any address; x-peer-address is always
//   overwritten here, and lib/views/clientAddress.ts believes X-Forwarded-For only from
//   TRUSTED_PROXIES; the other headers the site's layers use between themselves
//   (lib/http/internalHeaders.ts) are removed from every incoming request;
// - no reader gets the build's HTML for a story edited since the build: requests wait until the
//   content has been compared with the build (one POST /api/revalidate to itself);
// - the content watcher posts to the address actually bound (HOSTNAME may be a container name);
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
const server = createServer(createRequestPath({ handle, documents, media, lifecycle, startup: () => startup, inFlight }));
server.keepAliveTimeout = 5_000;

function internalOrigin() {
  const { address, family } = server.address();
  const host = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '::1' : address;
  return `http://${family === 'IPv6' ? `[${host}]` : host}:${server.address().port}`;
}

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
        body: JSON.stringify({ slugs: [] }),
      });
      if (response.ok) {
        const result = await response.json();
        if (result.changed.length > 0 || result.allStoryPages) {
          console.log(`[content] changed since the build: ${result.allStoryPages ? 'all story pages' : result.changed.join(', ')}`);
        }
        return;
      }
      console.error(`[content] comparing with the build: status ${response.status} (attempt ${attempt})`);
    } catch (error) {
      console.error(`[content] comparing with the build failed (attempt ${attempt}): ${error.message}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
  }
}

server.listen(port, hostname, () => {
  launcherEnvironment.setInternalOrigin(internalOrigin());
  startup = compareWithBuild(internalOrigin()).finally(() => {
    // A SIGTERM during start-up wins: the instance stays draining.
    if (lifecycle.state !== 'starting') return;
    lifecycle.state = 'ready';
    lifecycle.since = Date.now();
    console.log(`Serving on http://localhost:${port}`);
  });
});

function drain(signal) {
  if (lifecycle.state === 'draining') return;
  lifecycle.state = 'draining';
  lifecycle.since = Date.now();
  console.log(`[server] ${signal}: finishing requests in flight (at most ${graceMs} ms)`);
  for (const response of inFlight) if (!response.headersSent) response.shouldKeepAlive = false;
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(0);
  }, graceMs).unref();
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => drain(signal));
