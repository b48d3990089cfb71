#!/usr/bin/env node
// The production server: Next's request handler behind a plain Node HTTP server, so the app
// learns the TCP peer address. Next fills X-Forwarded-For from the socket only when a client did
// not send one, which lets any client pose as any address; x-peer-address is always overwritten
// here, and lib/views/clientAddress.ts believes X-Forwarded-For only from TRUSTED_PROXIES.
import { createServer } from 'node:http';
import next from 'next';

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? '0.0.0.0';
const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  request.headers['x-peer-address'] = request.socket.remoteAddress ?? '';
  handle(request, response);
});
server.listen(port, hostname, () => {
  console.log(`Serving on http://localhost:${port}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
